package dev.instructgen.filter;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.TokenizerKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.instructgen.filter.Rejected.code;
import static dev.instructgen.filter.Rejected.rejection;
import static org.assertj.core.api.Assertions.assertThat;

class FilterTest {

    @Test
    void aChainReturnsTheFirstRejection() {
        Filter<String> chain = Filter.chain(
                text -> Verdict.accept(),
                text -> Verdict.reject(RejectionReason.TOO_SHORT, "first rejection"),
                text -> Verdict.reject(RejectionReason.TOO_LONG, "second rejection"));

        assertThat(code(chain.check("anything"))).isEqualTo("too_short");
        assertThat(Filter.<String>chain().check("anything").accepted()).isTrue();
    }

    @Test
    void aChainStopsCallingFiltersAfterTheFirstRejection() {
        List<String> called = new ArrayList<>();
        Filter<String> chain = Filter.chain(
                text -> {
                    called.add("first");
                    return Verdict.reject(RejectionReason.PROMPT_LEAK, "leak");
                },
                text -> {
                    called.add("second");
                    return Verdict.accept();
                });

        chain.check("x");

        assertThat(called).containsExactly("first");
    }

    @Test
    void aFilterOfAPartJoinsTheChainOfTheWhole() {
        Filter<String> notEmpty = text -> text.isEmpty()
                ? Verdict.reject(RejectionReason.EMPTY_OUTPUT, "empty") : Verdict.accept();
        Filter<CandidateInstance> outputNotEmpty = notEmpty.on(CandidateInstance::output);

        assertThat(outputNotEmpty.check(new CandidateInstance("in", "out")).accepted()).isTrue();
        assertThat(code(outputNotEmpty.check(new CandidateInstance("in", "")))).isEqualTo("empty_output");
    }

    @Test
    void aRejectionCarriesItsCatalogueReasonAndDetail() {
        Verdict verdict = Verdict.reject(RejectionReason.TOO_SIMILAR, "ROUGE-L F1 0.900 > 0.70");

        assertThat(verdict.rejected()).isTrue();
        assertThat(rejection(verdict)).isEqualTo(new Verdict.Reject(RejectionReason.TOO_SIMILAR,
                "ROUGE-L F1 0.900 > 0.70"));
        assertThat(Filter.acceptAll().check("anything")).isEqualTo(Verdict.accept());
    }

    @Test
    void theNoveltyFilterRejectsANearCopyAsTooSimilarAndAdmitsANovelText() {
        NoveltyIndex pool = NoveltyIndex.create(TokenizerKind.ROUGE_SCORE, 0.7);
        pool.add("seed-1", "Write a haiku about the autumn rain falling on the roof");
        NoveltyFilter novelty = NoveltyFilter.over(pool, (nearest, threshold) ->
                nearest.mostSimilarId() + " over " + threshold);

        NoveltyFilter.Admission copy = novelty.admit(new NoveltyFilter.Candidate("c-1",
                "Write a haiku about the autumn rain falling on the roof"));
        NoveltyFilter.Admission fresh = novelty.admit(new NoveltyFilter.Candidate("c-2",
                "Write a list of three prime numbers larger than one hundred"));

        assertThat(code(copy.verdict())).isEqualTo("too_similar");
        assertThat(rejection(copy.verdict()).detail()).isEqualTo("seed-1 over 0.7");
        assertThat(fresh.verdict().accepted()).isTrue();
        assertThat(fresh.nearest().mostSimilarId()).isEqualTo("seed-1");
        assertThat(pool.size()).isEqualTo(2);
    }

    @Test
    void theNoveltyFilterIgnoresTheMembersItIsToldToIgnore() {
        NoveltyIndex pool = NoveltyIndex.create(TokenizerKind.ROUGE_SCORE, 0.7);
        NoveltyFilter novelty = NoveltyFilter.over(pool, (nearest, threshold) -> "similar");
        novelty.remember("root", "Explain how tides form on the coast of a sea");

        Verdict child = novelty.check(new NoveltyFilter.Candidate("root.r1",
                "Explain how tides form on the coast of a sea", Set.of("root")));

        assertThat(child.accepted()).isTrue();
    }

    @Test
    void noveltyOffAcceptsEverythingMeasuresNothingAndRemembersNothing() {
        NoveltyFilter off = NoveltyFilter.off();
        off.remember("seed-1", "Same text");

        NoveltyFilter.Admission admission = off.admit(new NoveltyFilter.Candidate("c-1", "Same text"));

        assertThat(admission.verdict().accepted()).isTrue();
        assertThat(admission.nearest()).isNull();
        assertThat(off.check(new NoveltyFilter.Candidate("c-2", "Same text")).accepted()).isTrue();
    }
}
