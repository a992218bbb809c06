package dev.instructgen.text;

import dev.instructgen.text.NearDuplicateFilter.Drop;
import dev.instructgen.text.NearDuplicateFilter.Entry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class NearDuplicateFilterTest {

    private final NearDuplicateFilter filter = NearDuplicateFilter.of(TokenizerKind.UNICODE, 0.7);

    @Test
    void keepsTheFirstOfNearDuplicatesAndReportsWhatEachDropWasTooCloseTo() {
        List<Entry> entries = List.of(
                new Entry("a", "Give three tips for staying healthy."),
                new Entry("b", "What are the three primary colors?"),
                new Entry("c", "Give three tips for staying healthy!"),
                new Entry("d", "Give me three tips for staying healthy."),
                new Entry("e", "Describe the structure of an atom."));

        NearDuplicateFilter.Outcome outcome = filter.apply(entries);

        assertThat(outcome.kept()).containsExactly(0, 1, 4);
        assertThat(outcome.dropped()).containsExactly(
                new Drop(2, "c", "Give three tips for staying healthy!", 0, "a", 1.0),
                new Drop(3, "d", "Give me three tips for staying healthy.", 0, "a", RougeL.f1(6, 7, 6)));
    }

    @Test
    void comparesOnlyAgainstKeptInstructionsSoChainsKeepTheirEnds() {
        // b is close to a and dropped; c is close to b but not to a, so c stays
        List<Entry> entries = List.of(
                new Entry("a", "one two three four five six seven eight nine ten"),
                new Entry("b", "one two three four five six seven eight x1 x2"),
                new Entry("c", "one two three four five six x3 x4 x1 x2"));
        assertThat(RougeL.f1(new UnicodeTokenizer().tokenize(entries.get(2).instruction()),
                new UnicodeTokenizer().tokenize(entries.get(1).instruction()))).isGreaterThan(0.7);

        NearDuplicateFilter.Outcome outcome = filter.apply(entries);

        assertThat(outcome.kept()).containsExactly(0, 2);
        assertThat(outcome.dropped()).extracting(Drop::againstId).containsExactly("a");
    }

    @Test
    void keepsChineseDuplicatesApartOnlyWithTheUnicodeTokenizer() {
        List<Entry> entries = List.of(new Entry("1", "写一首关于秋天的诗"), new Entry("2", "写一首关于秋天的诗。"));
        assertThat(filter.apply(entries).kept()).containsExactly(0);
        assertThat(NearDuplicateFilter.of(TokenizerKind.ROUGE_SCORE, 0.7).apply(entries).kept()).containsExactly(0, 1);
    }

    @Test
    void decidesAsTheExhaustiveReferenceOnRandomTexts() {
        SplittableRandom random = new SplittableRandom(7);
        RandomTexts texts = new RandomTexts(random, 15);
        List<Entry> entries = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String text = texts.next(seen);
            seen.add(text);
            entries.add(new Entry("id" + i, text));
        }
        NearDuplicateFilter reference = new NearDuplicateFilter(
                () -> new ExhaustiveNoveltyIndex(new UnicodeTokenizer(), 0.7));

        assertThat(filter.apply(entries)).isEqualTo(reference.apply(entries));
    }
}
