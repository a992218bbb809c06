package dev.instructgen.text;

import dev.instructgen.bench.BenchData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The fast index must give exactly the reference's maxima, most similar members and decisions. */
class RougeLIndexPropertyTest {

    private static final Tokenizer WORDS = new RougeScoreTokenizer();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void agreesWithTheExhaustiveReferenceOnRandomTextsWithManyNearDuplicates(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomTexts texts = new RandomTexts(random, 3 + random.nextInt(40));
        NoveltyIndex fast = new RougeLIndex(WORDS, 0.7);
        NoveltyIndex reference = new ExhaustiveNoveltyIndex(WORDS, 0.7);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String text = texts.next(members);
            if (random.nextInt(3) == 0) {
                fast.add("m" + i, text);
                reference.add("m" + i, text);
                members.add(text);
            } else {
                NoveltyDecision expected = reference.admit("m" + i, text);
                assertThat(fast.admit("m" + i, text)).as("admit %s", text).isEqualTo(expected);
                if (expected.novel()) {
                    members.add(text);
                }
            }
        }
        for (int q = 0; q < 250; q++) {
            String candidate = texts.next(members);
            Similarity expected = reference.nearest(candidate);
            assertThat(fast.nearest(candidate)).as("nearest %s", candidate).isEqualTo(expected);
            assertThat(fast.isNovel(candidate)).as("decision %s", candidate).isEqualTo(!(expected.score() > 0.7));
        }
        assertThat(fast.size()).isEqualTo(reference.size());
    }

    @ParameterizedTest(name = "threshold {0}")
    @ValueSource(doubles = {0.0, 0.3, 0.5, 0.7, 0.9, 1.0})
    void agreesWithTheReferenceAtAnyThreshold(double threshold) {
        SplittableRandom random = new SplittableRandom(99);
        RandomTexts texts = new RandomTexts(random, 12);
        NoveltyIndex fast = new RougeLIndex(WORDS, threshold);
        NoveltyIndex reference = new ExhaustiveNoveltyIndex(WORDS, threshold);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String text = texts.next(members);
            NoveltyDecision expected = reference.admit("m" + i, text);
            assertThat(fast.admit("m" + i, text)).as("admit %s", text).isEqualTo(expected);
            if (expected.novel()) {
                members.add(text);
            }
            assertThat(fast.isNovel(text)).isEqualTo(reference.isNovel(text));
        }
    }

    @Test
    void rejectsExactTiesAtSevenTenthsExactlyWhenRougeScoreArithmeticDoes() {
        NoveltyIndex fast = new RougeLIndex(WORDS, 0.7);
        fast.add("thirteen", "a b c d e f g h i j k l m");
        fast.add("ten", "n o p q r s t u v w");
        // 7 of 7 against 13 tokens: exactly 7/10, which rouge_score computes as 0.7000000000000001
        Similarity sevenOfThirteen = fast.nearest("a b c d e f g");
        assertThat(sevenOfThirteen).isEqualTo(new Similarity(0.7000000000000001, "thirteen"));
        assertThat(fast.isNovel("a b c d e f g")).isFalse();
        // 7 of 10 against 10 tokens: also exactly 7/10, computed as 0.7, so it is kept
        assertThat(fast.nearest("n o p q r s t x y z")).isEqualTo(new Similarity(0.7, "ten"));
        assertThat(fast.isNovel("n o p q r s t x y z")).isTrue();
        assertThat(fast.admit("new", "n o p q r s t x y z").novel()).isTrue();
    }

    @Test
    void decidesEveryExactTieAsRougeScoreDoesWhateverTheLengths() {
        int ties = 0;
        int rejectedTies = 0;
        for (int m = 1; m <= 60; m++) {
            for (int n = 1; n <= 60; n++) {
                for (int lcs = 1; lcs <= Math.min(m, n); lcs++) {
                    if (20 * lcs != 7 * (m + n)) {
                        continue; // only pairs whose true score is exactly 7/10
                    }
                    ties++;
                    String candidate = words("a", 0, m);
                    // shares its first lcs words, in order, then words the candidate does not have
                    String member = words("a", 0, lcs) + " " + words("b", 0, n - lcs);
                    NoveltyIndex fast = new RougeLIndex(WORDS, 0.7);
                    fast.add("member", member.strip());
                    double reference = RougeL.f1(lcs, m, n);
                    assertThat(fast.nearest(candidate)).as("m=%d n=%d lcs=%d", m, n, lcs)
                            .isEqualTo(new Similarity(reference, "member"));
                    assertThat(fast.isNovel(candidate)).as("m=%d n=%d lcs=%d", m, n, lcs)
                            .isEqualTo(!(reference > 0.7));
                    if (reference > 0.7) {
                        rejectedTies++;
                    }
                }
            }
        }
        // both kinds occur: the rule is rouge_score's arithmetic, not the exact fraction
        assertThat(ties).isGreaterThan(50);
        assertThat(rejectedTies).isPositive().isLessThan(ties);
    }

    private static String words(String prefix, int from, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            text.append(prefix).append(i).append(' ');
        }
        return text.toString().strip();
    }

    @Test
    void scoresEmptyTextsZeroAndNeverNamesAMemberForThem() {
        NoveltyIndex fast = new RougeLIndex(WORDS, 0.7);
        fast.add("empty", "!!!");
        fast.add("word", "hello");
        assertThat(fast.nearest("")).isEqualTo(Similarity.NONE);
        assertThat(fast.nearest("...")).isEqualTo(Similarity.NONE);
        assertThat(fast.admit("other-empty", "?").novel()).isTrue();
        assertThat(fast.nearest("hello")).isEqualTo(new Similarity(1.0, "word"));
        assertThat(fast.admit("again", "Hello!")).isEqualTo(new NoveltyDecision(false, new Similarity(1.0, "word")));
        assertThat(fast.nearest("goodbye")).isEqualTo(Similarity.NONE);
    }

    @Test
    void givesTheEarliestMemberAmongEqualScores() {
        NoveltyIndex fast = new RougeLIndex(WORDS, 0.7);
        fast.add("first", "sort the list");
        fast.add("second", "sort the list");
        fast.add("third", "the list sort");
        assertThat(fast.nearest("sort the list please").mostSimilarId()).isEqualTo("first");
    }

    @Test
    void honoursIgnoredIds() {
        NoveltyIndex fast = new RougeLIndex(WORDS, 0.7);
        fast.add("parent", "summarize the following article in three sentences");
        assertThat(fast.admit("child", "summarize the following article in two sentences", Set.of("parent")))
                .isEqualTo(new NoveltyDecision(true, Similarity.NONE));
        assertThat(fast.size()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} tokens")
    @ValueSource(ints = {63, 64, 65, 127, 128, 129, 200})
    void computesExactScoresForTextsLongerThanOneMachineWord(int length) {
        SplittableRandom random = new SplittableRandom(length);
        RandomTexts texts = new RandomTexts(random, 20);
        NoveltyIndex fast = new RougeLIndex(WORDS, 0.7);
        NoveltyIndex reference = new ExhaustiveNoveltyIndex(WORDS, 0.7);
        String base = texts.ofLength(length);
        for (int i = 0; i < 40; i++) {
            String member = i % 2 == 0 ? texts.mutate(base, random.nextInt(length / 2 + 1)) : texts.ofLength(
                    length / 2 + random.nextInt(length));
            fast.add("m" + i, member);
            reference.add("m" + i, member);
        }
        for (int q = 0; q < 20; q++) {
            String candidate = texts.mutate(base, random.nextInt(length / 2 + 1));
            assertThat(fast.nearest(candidate)).isEqualTo(reference.nearest(candidate));
            assertThat(fast.isNovel(candidate)).isEqualTo(reference.isNovel(candidate));
        }
    }

    @Test
    void agreesWithTheReferenceOnRealInstructions() {
        var data = BenchData.locate();
        assumeTrue(data.isPresent(), "bench data not present");
        List<String> pool = data.get().pool().subList(0, 1_000);
        List<String> candidates = data.get().candidates();
        for (Tokenizer tokenizer : List.of(new UnicodeTokenizer(), new RougeScoreTokenizer())) {
            NoveltyIndex fast = new RougeLIndex(tokenizer, 0.7);
            NoveltyIndex reference = new ExhaustiveNoveltyIndex(tokenizer, 0.7);
            for (int i = 0; i < pool.size(); i++) {
                fast.add("p" + i, pool.get(i));
                reference.add("p" + i, pool.get(i));
            }
            for (String candidate : candidates) {
                assertThat(fast.nearest(candidate)).as(candidate).isEqualTo(reference.nearest(candidate));
                assertThat(fast.isNovel(candidate)).as(candidate).isEqualTo(reference.isNovel(candidate));
            }
            // pool members against the rest: many exact and near duplicates
            for (int i = 0; i < 100; i++) {
                String text = pool.get(i * 9);
                assertThat(fast.nearest(text)).isEqualTo(reference.nearest(text));
            }
        }
    }
}
