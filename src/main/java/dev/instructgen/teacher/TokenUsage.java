package dev.instructgen.teacher;

/**
 * Tokens of one call (or a sum of calls).
 *
 * @param promptTokens     prompt tokens billed, cached ones included (as OpenAI's {@code prompt_tokens} counts them)
 * @param completionTokens completion tokens
 * @param cachedTokens     how many of the prompt tokens the server served from its prompt cache (OpenAI's
 *                         {@code prompt_tokens_details.cached_tokens}); billed at the cached rate
 */
public record TokenUsage(long promptTokens, long completionTokens, long cachedTokens) {

    public static final TokenUsage ZERO = new TokenUsage(0, 0);

    public TokenUsage(long promptTokens, long completionTokens) {
        this(promptTokens, completionTokens, 0);
    }

    public TokenUsage {
        if (promptTokens < 0 || completionTokens < 0 || cachedTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        // a server reporting more cached than prompt tokens is wrong; never bill below zero uncached tokens
        cachedTokens = Math.min(cachedTokens, promptTokens);
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                cachedTokens + other.cachedTokens);
    }

    /** Prompt tokens not served from the cache, billed at the full input rate. */
    public long uncachedPromptTokens() {
        return promptTokens - cachedTokens;
    }

    public long total() {
        return promptTokens + completionTokens;
    }
}
