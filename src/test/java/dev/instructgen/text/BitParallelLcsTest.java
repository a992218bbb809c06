package dev.instructgen.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The bit-vector LCS of {@link CandidateQuery} against the plain DP, across one, two and many machine words. */
class BitParallelLcsTest {

    @Test
    void equalsTheDynamicProgrammeForRandomSequencesOfAnyLength() {
        SplittableRandom random = new SplittableRandom(2004);
        int[] lengths = {1, 2, 31, 63, 64, 65, 100, 127, 128, 129, 191, 192, 193, 257, 700};
        for (int candidateLength : lengths) {
            for (int trial = 0; trial < 12; trial++) {
                int alphabet = 2 + random.nextInt(30);
                List<String> candidate = randomWords(random, candidateLength, alphabet);
                List<String> member = randomWords(random, 1 + random.nextInt(2 * candidateLength), alphabet);
                assertThat(bitParallelLcs(candidate, member))
                        .as("m=%d n=%d alphabet=%d", candidateLength, member.size(), alphabet)
                        .isEqualTo(RougeL.lcsLength(candidate, member));
            }
        }
    }

    @Test
    void countsTheWholeCandidateWhenItIsASubsequenceSpanningSeveralWords() {
        List<String> candidate = new ArrayList<>();
        List<String> member = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            candidate.add("t" + i);
            member.add("t" + i);
            member.add("noise");
        }
        assertThat(bitParallelLcs(candidate, member)).isEqualTo(200);
        assertThat(bitParallelLcs(candidate, member.subList(0, 1))).isEqualTo(1);
    }

    private static int bitParallelLcs(List<String> candidate, List<String> member) {
        Pool pool = new Pool();
        int number = pool.add("member", member);
        int[] local = new int[pool.vocabularySize()];
        CandidateQuery query = CandidateQuery.prepare(candidate, pool, local);
        int lcs = query.lcs(pool.tokens(number), local, new long[query.words()]);
        query.release(local);
        assertThat(local).containsOnly(0);
        return lcs;
    }

    private static List<String> randomWords(SplittableRandom random, int length, int alphabet) {
        List<String> words = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            words.add("w" + random.nextInt(alphabet));
        }
        return words;
    }
}
