package dev.instructgen.method.evol;

import dev.instructgen.pipeline.CostModel;
import dev.instructgen.teacher.TokenUsage;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an Evol-Instruct run is expected to cost before any request is sent ({@code --dry-run}): an upper bound
 * in which every evolution reaches the judge and the answer. Prompt tokens come from rendering the real templates
 * with the inputs' average length; completions are assumed to be the instruction plus 30 tokens for a rewrite,
 * 3 for a verdict and 300 for an answer; about 4 characters per token.
 */
public record EvolDryRun(int inputs, int rounds, long evolutions, long requests, TokenUsage tokens, double costUsd) {

    static final int CHARS_PER_TOKEN = 4;
    static final int ANSWER_TOKENS = 300;

    public static EvolDryRun of(List<EvolInput> inputs, EvolSettings settings, EvolPrompts prompts, CostModel cost) {
        int averageChars = (int) inputs.stream().mapToInt(i -> i.prompt().length()).average().orElse(0);
        String typical = "x".repeat(averageChars);
        long evolutions = (long) inputs.size() * settings.rounds();
        long rewritePrompt = 0;
        double totalWeight = settings.weights().total();
        for (EvolOperation op : EvolOperation.values()) {
            double share = settings.weights().weight(op) / totalWeight;
            rewritePrompt += (long) (share * chars(prompts, op.templateFile(), Map.of("instruction", typical)));
        }
        long judgePrompt = settings.equalityJudge()
                ? chars(prompts, EvolPrompts.JUDGE, Map.of("parent", typical, "child", typical)) : 0;
        long answerPrompt = chars(prompts, EvolPrompts.RESPONSE, Map.of("instruction", typical));
        long promptTokens = evolutions * (rewritePrompt + judgePrompt + answerPrompt) / CHARS_PER_TOKEN;
        long completionTokens = evolutions * (averageChars / CHARS_PER_TOKEN + 30
                + (settings.equalityJudge() ? 3 : 0) + ANSWER_TOKENS);
        TokenUsage tokens = new TokenUsage(promptTokens, completionTokens);
        long requests = evolutions * (settings.equalityJudge() ? 3 : 2);
        return new EvolDryRun(inputs.size(), settings.rounds(), evolutions, requests, tokens, cost.costUsd(tokens));
    }

    private static long chars(EvolPrompts prompts, String template, Map<String, String> variables) {
        return prompts.render(template, variables).text().length();
    }

    /** The lines --dry-run prints. */
    public String format(String model, boolean priced) {
        return String.format(Locale.ROOT, """
                dry run: evol-instruct with %s
                  evolutions        %d (%d inputs x %d rounds)
                  requests          at most %d (rewrite, judge and answer per evolution)
                  tokens            ~%d prompt + ~%d completion = ~%d
                  estimated cost    %s
                  assumptions: every evolution reaches the answer; answers ~%d tokens; ~4 characters per token
                """, model, evolutions, inputs, rounds, requests, tokens.promptTokens(), tokens.completionTokens(),
                tokens.total(), priced ? String.format(Locale.ROOT, "$%.2f", costUsd)
                        : "unknown (no price for this model)", ANSWER_TOKENS);
    }
}
