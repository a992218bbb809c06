package dev.instructgen.method.unnatural;

import dev.instructgen.pipeline.CostModel;
import dev.instructgen.teacher.TokenUsage;

import java.util.Locale;
import java.util.Map;

/**
 * What an Unnatural Instructions run to {@code --target} is expected to cost before any request: each core
 * example brings {@code 1 + paraphrases} examples; half of the core requests give a new instruction; completions
 * average 60 tokens for a core example, 80 for an answer and 25 per paraphrase; ~4 characters per token.
 */
record UnnaturalDryRun(long target, long cores, long coreCalls, long outputCalls, long paraphraseCalls,
                       TokenUsage tokens, double costUsd) {

    static final double CORE_YIELD = 0.5;
    static final int CHARS_PER_TOKEN = 4;

    static UnnaturalDryRun of(long target, int paraphrases, Map<String, Integer> promptChars, CostModel cost) {
        long cores = (long) Math.ceil((double) target / (1 + paraphrases) - 1e-9);
        long coreCalls = (long) Math.ceil(cores / CORE_YIELD - 1e-9);
        long paraphraseCalls = paraphrases > 0 ? cores : 0;
        long prompt = (coreCalls * promptChars.get(UnnaturalSettings.STAGE_CORE)
                + cores * promptChars.get(UnnaturalSettings.STAGE_OUTPUT)
                + paraphraseCalls * promptChars.get(UnnaturalSettings.STAGE_PARAPHRASE)) / CHARS_PER_TOKEN;
        long completion = coreCalls * 60 + cores * 80 + paraphraseCalls * 25L * paraphrases;
        TokenUsage tokens = new TokenUsage(prompt, completion);
        return new UnnaturalDryRun(target, cores, coreCalls, cores, paraphraseCalls, tokens, cost.costUsd(tokens));
    }

    String format(String model, boolean priced, int paraphrases) {
        return String.format(Locale.ROOT, """
                dry run: unnatural to %d examples with %s
                  core examples     ~%d (each with %d paraphrases)
                  requests          ~%d (core-generation %d, output-generation %d, paraphrase %d)
                  tokens            ~%d prompt + ~%d completion = ~%d
                  estimated cost    %s
                  assumptions: half of the core requests give a new instruction; ~4 characters per token
                """, target, model, cores, paraphrases, coreCalls + outputCalls + paraphraseCalls, coreCalls,
                outputCalls, paraphraseCalls, tokens.promptTokens(), tokens.completionTokens(), tokens.total(),
                priced ? String.format(Locale.ROOT, "$%.2f", costUsd) : "unknown (no price for this model)");
    }
}
