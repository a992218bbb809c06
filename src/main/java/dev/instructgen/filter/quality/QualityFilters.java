package dev.instructgen.filter.quality;

import dev.instructgen.filter.Filter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.text.semantic.SemanticIndex;
import dev.instructgen.text.semantic.SentenceEmbedder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The quality filters of a run, assembled in one place and in the order they run: benchmark decontamination first
 * (a contaminated record must not enter the semantic index and shadow a clean paraphrase), then semantic
 * near-duplicates. A filter that is off is left out of the chain. An LLM judge comes after them, so no teacher
 * call is spent on a record these filters drop: {@link #screen} is then the check before the judge (the semantic
 * pool only looked at) and {@link #admit} the one after it (the record joins the pool only once the judge kept it,
 * so a paraphrase of a record the judge dropped is not turned away in its name).
 *
 * @param semantic the semantic filter, or null when off (a resume refills its index through it)
 * @param overlap  decontamination, or null when off
 */
public record QualityFilters(Filter<QualityCandidate> chain, SemanticDuplicateFilter semantic,
                             BenchmarkOverlapFilter overlap) {

    /** @param embedder called only when semantic dedup is on: the model is loaded on first use */
    @SuppressWarnings("unchecked")
    public static QualityFilters of(QualitySettings settings, Supplier<SentenceEmbedder> embedder) {
        List<Filter<? super QualityCandidate>> filters = new ArrayList<>();
        BenchmarkOverlapFilter overlap = null;
        if (settings.decontaminate()) {
            overlap = new BenchmarkOverlapFilter(BenchmarkFiles.load(settings.benchmarks(), settings.field(),
                    settings.ngram(), settings.decontaminateThreshold()));
            filters.add(overlap);
        }
        SemanticDuplicateFilter semantic = null;
        if (settings.semantic()) {
            semantic = new SemanticDuplicateFilter(new SemanticIndex(embedder.get(), settings.semanticThreshold()));
            filters.add(semantic);
        }
        return new QualityFilters(Filter.chain(filters.toArray(Filter[]::new)), semantic, overlap);
    }

    /** Decontamination, then the semantic pool looked at without joining it: the checks before a judge. */
    public Verdict screen(QualityCandidate candidate) {
        Verdict v = decontaminate(candidate);
        return v.rejected() || semantic == null ? v : semantic.lookUp(candidate);
    }

    /** Decontamination alone (a check that does not depend on the order of the records). */
    public Verdict decontaminate(QualityCandidate candidate) {
        return overlap == null ? Verdict.accept() : overlap.check(candidate);
    }

    /** The semantic check that joins the pool when novel (atomic); accepts all when semantic dedup is off. */
    public Verdict admit(QualityCandidate candidate) {
        return semantic == null ? Verdict.accept() : semantic.check(candidate);
    }

    /** Adds an already kept record to the semantic index (no-op when semantic dedup is off). */
    public void remember(QualityCandidate kept) {
        if (semantic != null) {
            semantic.remember(kept.id(), kept.prompt());
        }
    }
}
