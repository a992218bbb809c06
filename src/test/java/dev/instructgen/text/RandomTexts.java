package dev.instructgen.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random word texts over a small vocabulary, with a bias towards edits of earlier texts so that scores near and
 * exactly at the threshold, repeated words and empty texts all occur often.
 */
final class RandomTexts {

    private final SplittableRandom random;
    private final int vocabulary;

    RandomTexts(SplittableRandom random, int vocabulary) {
        this.random = random;
        this.vocabulary = vocabulary;
    }

    String next(List<String> earlier) {
        int kind = random.nextInt(10);
        if (kind < 5 && !earlier.isEmpty()) {
            String source = earlier.get(random.nextInt(earlier.size()));
            return mutate(source, random.nextInt(4));
        }
        if (kind == 5) {
            return random.nextBoolean() ? "" : "w" + random.nextInt(vocabulary);
        }
        if (kind == 6) {
            return ofLength(40 + random.nextInt(120));
        }
        return ofLength(1 + random.nextInt(20));
    }

    String ofLength(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : " ").append(word());
        }
        return text.toString();
    }

    /** Applies {@code edits} random insertions, deletions or substitutions of whole words. */
    String mutate(String source, int edits) {
        List<String> words = new ArrayList<>(source.isEmpty() ? List.of() : Arrays.asList(source.split(" ")));
        for (int e = 0; e < edits; e++) {
            int op = random.nextInt(3);
            if (op == 0 || words.isEmpty()) {
                words.add(random.nextInt(words.size() + 1), word());
            } else if (op == 1) {
                words.remove(random.nextInt(words.size()));
            } else {
                words.set(random.nextInt(words.size()), word());
            }
        }
        return String.join(" ", words);
    }

    private String word() {
        return "w" + random.nextInt(vocabulary);
    }
}
