package dev.instructgen.filter.quality;

import dev.instructgen.filter.Filter;
import dev.instructgen.text.semantic.SemanticIndex;
import dev.instructgen.text.semantic.SentenceEmbedder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The quality filters of a run, assembled in one place and in the order they run: benchmark decontamination first
 * (a contaminated record must not enter the semantic index and shadow a clean paraphrase), then semantic
 * near-duplicates. A filter that is off is left out of the chain. An LLM judge joins the chain here, after them,
 * so no teacher call is spent on a record these filters drop.
 *
 * @param semantic the semantic filter, or null when off (a resume refills its index through it)
 */
public record QualityFilters(Filter<QualityCandidate> chain, SemanticDuplicateFilter semantic) {

    /** @param embedder called only when semantic dedup is on: the model is loaded on first use */
    @SuppressWarnings("unchecked")
    public static QualityFilters of(QualitySettings settings, Supplier<SentenceEmbedder> embedder) {
        List<Filter<? super QualityCandidate>> filters = new ArrayList<>();
        if (settings.decontaminate()) {
            filters.add(new BenchmarkOverlapFilter(BenchmarkFiles.load(settings.benchmarks(), settings.field(),
                    settings.ngram(), settings.decontaminateThreshold())));
        }
        SemanticDuplicateFilter semantic = null;
        if (settings.semantic()) {
            semantic = new SemanticDuplicateFilter(new SemanticIndex(embedder.get(), settings.semanticThreshold()));
            filters.add(semantic);
        }
        return new QualityFilters(Filter.chain(filters.toArray(Filter[]::new)), semantic);
    }

    /** Adds an already kept record to the semantic index (no-op when semantic dedup is off). */
    public void remember(QualityCandidate kept) {
        if (semantic != null) {
            semantic.remember(kept.id(), kept.prompt());
        }
    }
}
