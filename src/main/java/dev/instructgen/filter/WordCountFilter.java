package dev.instructgen.filter;

import dev.instructgen.dataset.RejectionReason;

/**
 * Rejects instructions that are too short to define a task or too long to be a plausible one. Words are counted
 * as Python's {@code str.split()} does in Self-Instruct's reference code: runs of whitespace separate them.
 */
public final class WordCountFilter implements Filter<String> {

    private final int minWords;
    private final int maxWords;

    public WordCountFilter(int minWords, int maxWords) {
        this.minWords = minWords;
        this.maxWords = maxWords;
    }

    @Override
    public Verdict check(String instruction) {
        int words = countWords(instruction);
        if (words < minWords) {
            return Verdict.reject(RejectionReason.TOO_SHORT, words + " words, fewer than the minimum of " + minWords);
        }
        if (words > maxWords) {
            return Verdict.reject(RejectionReason.TOO_LONG, words + " words, more than the maximum of " + maxWords);
        }
        return Verdict.accept();
    }

    /** Words as Python's {@code str.split()} counts them, which the reference filters use. */
    public static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Python's split() also breaks on no-break spaces, which Character.isWhitespace excludes
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
