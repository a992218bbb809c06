package dev.instructgen.filter.quality;

import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.filter.Filter;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.text.overlap.BenchmarkIndex;
import dev.instructgen.text.semantic.SemanticIndex;
import dev.instructgen.text.semantic.SentenceEmbedder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The quality filters a generating command applies inline ({@code --semantic-dedup}, {@code --decontaminate}),
 * as the pieces each method's filter assembly joins to its own chains: benchmark decontamination as plain filters
 * on an instruction, an instance or an answer (stateless, so they go early and a contaminated candidate costs no
 * further request), and semantic near-duplicates joined to the method's novelty check. The benchmark files are read
 * once, when the command starts, so a bad file stops it before any request; the sentence model loads when a run
 * starts, and only when semantic dedup is on. docs/quality.md.
 */
public final class InlineQuality {

    /** No inline quality filter: every piece accepts everything and the novelty check stays the method's own. */
    public static final InlineQuality OFF = new InlineQuality(QualitySettings.OFF, null, () -> {
        throw new IllegalStateException("semantic dedup is off");
    });

    private final QualitySettings settings;
    private final BenchmarkOverlapFilter overlap;
    private final Supplier<SentenceEmbedder> embedder;

    private InlineQuality(QualitySettings settings, BenchmarkOverlapFilter overlap,
                          Supplier<SentenceEmbedder> embedder) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.overlap = overlap;
        this.embedder = embedder;
    }

    /** Reads the benchmark files of {@code settings} (a user error names the file and line). */
    public static InlineQuality of(QualitySettings settings, Supplier<SentenceEmbedder> embedder) {
        if (!settings.semantic() && !settings.decontaminate()) {
            return OFF;
        }
        BenchmarkOverlapFilter overlap = null;
        if (settings.decontaminate()) {
            BenchmarkIndex index = BenchmarkFiles.load(settings.benchmarks(), settings.field(), settings.ngram(),
                    settings.decontaminateThreshold());
            overlap = new BenchmarkOverlapFilter(index);
        }
        return new InlineQuality(settings, overlap, embedder);
    }

    /** Whether any inline quality filter is on (the manifest and the card mention them only then). */
    public boolean on() {
        return settings.semantic() || settings.decontaminate();
    }

    public QualitySettings settings() {
        return settings;
    }

    /** Decontamination of a prompt-side text (an instruction, a rewrite); accepts all when off. */
    public Filter<String> promptOverlap() {
        return overlap == null ? Filter.acceptAll()
                : overlap.on(text -> new QualityCandidate("-", text, "", ""));
    }

    /** Decontamination of an answer (the detail says "output ..."); accepts all when off. */
    public Filter<String> outputOverlap() {
        return overlap == null ? Filter.acceptAll()
                : overlap.on(text -> new QualityCandidate("-", "", "", text));
    }

    /** Decontamination of a generated instance, its input then its output; accepts all when off. */
    public Filter<CandidateInstance> instanceOverlap() {
        return overlap == null ? Filter.acceptAll()
                : overlap.on(i -> new QualityCandidate("-", "", i.input(), i.output()));
    }

    /**
     * The method's novelty check with semantic near-duplicates joined to it, or {@code inner} itself when semantic
     * dedup is off. A fresh semantic pool each call: one per run session, refilled from what the session starts
     * with.
     *
     * @param describe how a rejection names the member duplicated, from its id
     * @param members  members the method's own pool already holds (seeds, restored examples), id to text
     */
    public NoveltyFilter novelty(NoveltyFilter inner, Function<String, String> describe, Map<String, String> members) {
        if (!settings.semantic()) {
            return inner;
        }
        SemanticNoveltyFilter filter = new SemanticNoveltyFilter(inner,
                new SemanticIndex(embedder.get(), settings.semanticThreshold()), describe);
        members.forEach(filter::rememberSemantically);
        return filter;
    }

    /** The manifest's {@code quality} object, compared on resume like every setting. */
    public Map<String, Object> manifest() {
        return settings.manifest();
    }

    /** The filters as the dataset card and the start line list them. */
    public Map<String, String> display() {
        return new LinkedHashMap<>(settings.display());
    }
}
