package dev.instructgen.testing;

import java.util.SplittableRandom;

/**
 * Makes pronounceable pseudo-words and sentences from a seed: text that is novel under ROUGE-L (random word
 * sequences over a large vocabulary share few tokens) and costs almost nothing to produce, for fakes that must
 * feed the generator thousands of distinct instructions per second.
 */
public final class PseudoText {

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
            "v", "z", "br", "cl", "dr", "st", "tr", "pl", "gr", "sh", "ch", "th"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "io", "ou"};
    private static final String[] VERBS = {"Explain", "Describe", "Summarize", "List", "Compare", "Rewrite",
            "Suggest", "Outline", "Classify", "Translate", "Estimate", "Plan", "Name", "Critique", "Draft"};

    private PseudoText() {
    }

    public static String word(SplittableRandom random) {
        StringBuilder w = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        return w.toString();
    }

    /** An instruction-like sentence: a verb and {@code words} pseudo-words, ending with a period. */
    public static String instruction(SplittableRandom random, int words) {
        StringBuilder s = new StringBuilder(VERBS[random.nextInt(VERBS.length)]);
        for (int i = 0; i < words; i++) {
            s.append(' ').append(word(random));
        }
        return s.append('.').toString();
    }

    public static String sentence(SplittableRandom random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(word(random));
        }
        return s.append('.').toString();
    }
}
