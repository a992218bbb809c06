package dev.instructgen.method.selfchat;

import dev.instructgen.pipeline.CostModel;
import dev.instructgen.teacher.TokenUsage;

import java.util.Locale;

/**
 * What a self-chat run to --target is expected to cost before any request ({@code --dry-run}): one request per
 * conversation, most of them kept (a guess: 80%), the prompt the real template rendered with an average topic,
 * and per user turn a short question and a detailed answer of ~150 tokens together; ~4 characters per token.
 */
record SelfChatDryRun(long target, long requests, TokenUsage tokens, double costUsd) {

    static final double KEPT_SHARE = 0.8;
    static final int CHARS_PER_TOKEN = 4;
    static final int TOKENS_PER_EXCHANGE = 150;

    static SelfChatDryRun of(long target, int turns, int promptChars, CostModel cost) {
        long requests = (long) Math.ceil(target / KEPT_SHARE - 1e-9);
        TokenUsage tokens = new TokenUsage(requests * promptChars / CHARS_PER_TOKEN,
                requests * turns * (long) TOKENS_PER_EXCHANGE);
        return new SelfChatDryRun(target, requests, tokens, cost.costUsd(tokens));
    }

    String format(String model, int turns, boolean priced) {
        return String.format(Locale.ROOT, """
                dry run: self-chat to %d conversations of up to %d user turns with %s
                  requests          ~%d (self-chat, one transcript each)
                  tokens            ~%d prompt + ~%d completion = ~%d
                  estimated cost    %s
                  assumptions: %d%% of transcripts kept; ~%d completion tokens per exchange; ~4 characters per token
                """, target, turns, model, requests, tokens.promptTokens(), tokens.completionTokens(),
                tokens.total(), priced ? String.format(Locale.ROOT, "$%.2f", costUsd)
                        : "unknown (no price for this model)",
                Math.round(KEPT_SHARE * 100), TOKENS_PER_EXCHANGE);
    }
}
