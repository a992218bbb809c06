package dev.instructgen.method.invert;

import dev.instructgen.pipeline.CostModel;
import dev.instructgen.teacher.TokenUsage;

import java.util.List;
import java.util.Locale;

/**
 * What an inversion run is expected to cost before any request ({@code --dry-run}): one request per source
 * example up to the target, its prompt the real template rendered with the sources' average lengths, its reply
 * an instruction of about 30 tokens; about 4 characters per token.
 */
record InvertDryRun(int sources, long requests, TokenUsage tokens, double costUsd) {

    static final int CHARS_PER_TOKEN = 4;
    static final int INSTRUCTION_TOKENS = 30;

    static InvertDryRun of(List<SourceExample> sources, long target, InvertPrompts prompts, CostModel cost) {
        long promptChars = 0;
        for (SourceExample s : sources) {
            promptChars += prompts.render(s).length();
        }
        long requests = Math.min(sources.size(), target);
        long perRequest = sources.isEmpty() ? 0 : promptChars / sources.size() / CHARS_PER_TOKEN;
        TokenUsage tokens = new TokenUsage(requests * perRequest, requests * INSTRUCTION_TOKENS);
        return new InvertDryRun(sources.size(), requests, tokens, cost.costUsd(tokens));
    }

    String format(String model, boolean priced) {
        return String.format(Locale.ROOT, """
                dry run: invert with %s
                  sources           %d examples with a non-empty output
                  requests          at most %d (one per source, up to --target)
                  tokens            ~%d prompt + ~%d completion = ~%d
                  estimated cost    %s
                  assumptions: no source is skipped; an instruction ~%d tokens; ~4 characters per token
                """, model, sources, requests, tokens.promptTokens(), tokens.completionTokens(), tokens.total(),
                priced ? String.format(Locale.ROOT, "$%.2f", costUsd) : "unknown (no price for this model)",
                INSTRUCTION_TOKENS);
    }
}
