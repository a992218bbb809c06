package dev.instructgen.bench;

import dev.instructgen.text.RougeL;
import dev.instructgen.text.Similarity;
import dev.instructgen.text.Tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stronger baseline than {@code ExhaustiveNoveltyIndex}: the same O(m·n) dynamic programme over every pool member,
 * but on tokens interned to ints, with rolling int rows, as a careful hand-written scan would do it. It shows how
 * much of the index's advantage is the algorithm rather than string comparisons.
 */
final class InternedDp {

    private final Tokenizer tokenizer;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final List<int[]> members = new ArrayList<>();

    InternedDp(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    void add(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.computeIfAbsent(tokens.get(i), token -> vocabulary.size());
        }
        members.add(ids);
    }

    /** Maximum score and the earliest member reaching it, members named "p" + number as in the benchmark. */
    Similarity nearest(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        int[] candidate = new int[tokens.size()];
        for (int i = 0; i < candidate.length; i++) {
            candidate[i] = vocabulary.getOrDefault(tokens.get(i), -1);
        }
        int longest = 0;
        for (int[] member : members) {
            longest = Math.max(longest, member.length);
        }
        int[] previous = new int[longest + 1];
        int[] current = new int[longest + 1];
        double best = 0;
        int bestMember = -1;
        for (int number = 0; number < members.size(); number++) {
            int[] member = members.get(number);
            if (candidate.length == 0 || member.length == 0) {
                continue;
            }
            java.util.Arrays.fill(previous, 0, member.length + 1, 0);
            for (int token : candidate) {
                current[0] = 0;
                for (int j = 1; j <= member.length; j++) {
                    current[j] = token == member[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            double f = RougeL.f1(previous[member.length], candidate.length, member.length);
            if (f > best) {
                best = f;
                bestMember = number;
            }
        }
        return bestMember < 0 ? Similarity.NONE : new Similarity(best, "p" + bestMember);
    }
}
