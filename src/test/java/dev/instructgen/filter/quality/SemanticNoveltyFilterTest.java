package dev.instructgen.filter.quality;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.TokenizerKind;
import dev.instructgen.text.semantic.HashingEmbedder;
import dev.instructgen.text.semantic.SemanticIndex;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SemanticNoveltyFilterTest {

    private final NoveltyIndex rougePool = NoveltyIndex.create(TokenizerKind.ROUGE_SCORE, 0.7);
    private final SemanticIndex semanticPool = new SemanticIndex(new HashingEmbedder(128), 0.9);
    private final SemanticNoveltyFilter filter = new SemanticNoveltyFilter(
            NoveltyFilter.over(rougePool, (nearest, threshold) -> "rouge " + nearest.mostSimilarId()),
            semanticPool, id -> "member " + id);

    @Test
    void aParaphraseRougeKeepsIsRejectedNamingTheMemberAndJoinsNeitherPool() {
        filter.remember("s1", "Name three rivers in Europe");
        Verdict v = filter.check(new NoveltyFilter.Candidate("c1", "In Europe name rivers three"));
        assertThat(v).isInstanceOfSatisfying(Verdict.Reject.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.SEMANTIC_DUPLICATE);
            assertThat(r.detail()).matches("cosine 1\\.000 > 0\\.90 with member s1");
        });
        assertThat(rougePool.size()).isEqualTo(1);
        assertThat(semanticPool.size()).isEqualTo(1);
    }

    @Test
    void aCandidateTheRougeCheckRejectsDoesNotJoinTheSemanticPool() {
        filter.remember("s1", "Write a short poem about the sea at night");
        NoveltyFilter.Admission a = filter.admit(new NoveltyFilter.Candidate("c1",
                "Write a short poem about the sea at dawn and dusk"));
        assertThat(a.verdict()).isInstanceOfSatisfying(Verdict.Reject.class,
                r -> assertThat(r.reason()).isEqualTo(RejectionReason.TOO_SIMILAR));
        assertThat(semanticPool.size()).isEqualTo(1);
    }

    @Test
    void aNovelCandidateJoinsBothPoolsAndItsLineageIsNotComparedWith() {
        filter.remember("root", "Explain how tides form");
        NoveltyFilter.Admission own = filter.admit(new NoveltyFilter.Candidate("child", "Form tides how explain",
                Set.of("root")));
        assertThat(own.verdict().accepted()).isTrue();
        assertThat(rougePool.size()).isEqualTo(2);
        assertThat(semanticPool.size()).isEqualTo(2);
        Verdict other = filter.check(new NoveltyFilter.Candidate("other", "Tides form how explain"));
        assertThat(other.rejected()).isTrue();
    }
}
