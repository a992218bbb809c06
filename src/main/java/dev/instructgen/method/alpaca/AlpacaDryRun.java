package dev.instructgen.method.alpaca;

import dev.instructgen.pipeline.CostModel;
import dev.instructgen.teacher.TokenUsage;

import java.util.Locale;

/**
 * What an Alpaca run to {@code --target} is expected to cost before any request ({@code --dry-run}): one request
 * per batch, half of each batch accepted, ~4 characters per token, ~60 completion tokens per triple (the recipe
 * keeps inputs and outputs under 100 words; its 52k examples averaged ~480 tokens each including prompts).
 */
record AlpacaDryRun(long target, long calls, TokenUsage tokens, double costUsd) {

    static final double BATCH_YIELD = 0.5;
    static final int CHARS_PER_TOKEN = 4;
    static final int COMPLETION_TOKENS_PER_TRIPLE = 60;

    static AlpacaDryRun of(long target, int tasksPerRequest, int promptChars, CostModel cost) {
        long calls = (long) Math.ceil(target / (tasksPerRequest * BATCH_YIELD) - 1e-9);
        TokenUsage tokens = new TokenUsage(calls * promptChars / CHARS_PER_TOKEN,
                calls * tasksPerRequest * (long) COMPLETION_TOKENS_PER_TRIPLE);
        return new AlpacaDryRun(target, calls, tokens, cost.costUsd(tokens));
    }

    String format(String model, boolean priced) {
        return String.format(Locale.ROOT, """
                dry run: alpaca to %d examples with %s
                  requests          ~%d (alpaca-generation, one batch each)
                  tokens            ~%d prompt + ~%d completion = ~%d
                  estimated cost    %s
                  assumptions: half of each batch accepted; ~%d completion tokens per triple; ~4 characters per token
                """, target, model, calls, tokens.promptTokens(), tokens.completionTokens(), tokens.total(),
                priced ? String.format(Locale.ROOT, "$%.2f", costUsd) : "unknown (no price for this model)",
                COMPLETION_TOKENS_PER_TRIPLE);
    }
}
