package dev.instructgen.filter.quality;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Filter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.text.overlap.BenchmarkIndex;
import dev.instructgen.text.overlap.Contamination;

import java.util.Optional;

/**
 * Benchmark decontamination: a candidate that reproduces an evaluation item is rejected as
 * {@link RejectionReason#BENCHMARK_OVERLAP}, naming the item's file and line. The prompt (instruction and input)
 * is checked first, then the output: a benchmark question may be copied into either, and checking them apart keeps
 * ROUGE-L meaningful (a long answer would dilute a copied question's F1 below any threshold).
 */
public final class BenchmarkOverlapFilter implements Filter<QualityCandidate> {

    private final BenchmarkIndex index;

    public BenchmarkOverlapFilter(BenchmarkIndex index) {
        this.index = index;
    }

    @Override
    public Verdict check(QualityCandidate candidate) {
        Optional<Contamination> hit = index.check(candidate.prompt());
        if (hit.isEmpty() && !candidate.output().isBlank()) {
            hit = index.check(candidate.output()).map(c -> c);
            if (hit.isPresent()) {
                return Verdict.reject(RejectionReason.BENCHMARK_OVERLAP, "output " + hit.get().detail());
            }
        }
        return hit.<Verdict>map(c -> Verdict.reject(RejectionReason.BENCHMARK_OVERLAP, c.detail()))
                .orElse(Verdict.accept());
    }
}
