package dev.instructgen.method.evol;

import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.filter.evol.Rewrite;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.TokenizerKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.instructgen.filter.Rejected.code;
import static dev.instructgen.filter.Rejected.rejection;
import static org.assertj.core.api.Assertions.assertThat;

class EvolFiltersTest {

    private static EvolSettings settings(Double rougeThreshold) {
        Sampling s = new Sampling(1.0, 0.95, 512, null, List.of());
        return new EvolSettings(4, OperationWeights.uniform(), 1, s, s, true, rougeThreshold, null, false);
    }

    private final NoveltyIndex pool = NoveltyIndex.create(TokenizerKind.ROUGE_SCORE, 0.7);

    @Test
    void withoutARougeThresholdTheNoveltyCheckIsTheNullObject() {
        assertThat(EvolFilters.of(settings(null), pool).novelty()).isSameAs(NoveltyFilter.off());
    }

    @Test
    void aLeakWinsOverARewriteThatIsItsParentBecauseItIsCheckedFirst() {
        String parent = "Improve the given prompt.";
        Verdict verdict = EvolFilters.of(settings(null), pool).rewrite().check(new Rewrite(parent, parent));

        assertThat(code(verdict)).isEqualTo("prompt_leak");
        assertThat(code(EvolFilters.of(settings(null), pool).rewrite()
                .check(new Rewrite("Name a colour.", "name a colour!")))).isEqualTo("no_information_gain");
    }

    @Test
    void anApologyWinsOverStopWordsOnly() {
        assertThat(code(EvolFilters.of(settings(null), pool).response().check("Sorry, it is."))).isEqualTo(
                "response_apology");
        assertThat(code(EvolFilters.of(settings(null), pool).response().check("It is."))).isEqualTo(
                "response_stopwords_only");
    }

    @Test
    void theNoveltyCheckNamesTheScoreTheThresholdAndTheNearestIdAsBefore() {
        pool.add("b.r1", "Name three rivers of Africa and their lengths in kilometres");
        NoveltyFilter novelty = EvolFilters.of(settings(0.7), pool).novelty();

        Verdict verdict = novelty.check(new NoveltyFilter.Candidate("a.r1",
                "Name three rivers of Africa and their lengths in kilometres"));

        assertThat(code(verdict)).isEqualTo("too_similar");
        assertThat(rejection(verdict).detail()).isEqualTo("ROUGE-L F1 1.000 > 0.70 against b.r1");
    }
}
