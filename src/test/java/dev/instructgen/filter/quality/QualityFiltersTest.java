package dev.instructgen.filter.quality;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Verdict;
import dev.instructgen.text.semantic.HashingEmbedder;
import dev.instructgen.text.semantic.SentenceEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QualityFiltersTest {

    @TempDir
    Path dir;

    static final SentenceEmbedder WORDS = new HashingEmbedder(256);

    @Test
    void a_semantic_duplicate_is_rejected_naming_the_record_it_repeats_and_the_cosine() {
        QualityFilters filters = QualityFilters.of(new QualitySettings(0.9, List.of(), List.of(), null, 13, 0.8),
                () -> WORDS);

        Verdict first = filters.chain().check(new QualityCandidate("a", "Rivers of Europe", "", "Rhine"));
        Verdict again = filters.chain().check(new QualityCandidate("b", "rivers of europe!", "", "Danube"));

        assertThat(first.accepted()).isTrue();
        assertThat(again).isEqualTo(Verdict.reject(RejectionReason.SEMANTIC_DUPLICATE, "cosine 1.000 > 0.90 with a"));
    }

    @Test
    void the_input_counts_so_one_instruction_over_different_inputs_is_kept() {
        QualityFilters filters = QualityFilters.of(new QualitySettings(0.9, List.of(), List.of(), null, 13, 0.8),
                () -> WORDS);

        assertThat(filters.chain().check(new QualityCandidate("a", "Summarize", "cats purr softly", "")).accepted())
                .isTrue();
        assertThat(filters.chain().check(new QualityCandidate("b", "Summarize", "stocks fell sharply", ""))
                .accepted()).isTrue();
    }

    @Test
    void a_remembered_record_counts_as_kept() {
        QualityFilters filters = QualityFilters.of(new QualitySettings(0.9, List.of(), List.of(), null, 13, 0.8),
                () -> WORDS);
        filters.remember(new QualityCandidate("restored", "Rivers of Europe", "", ""));

        assertThat(filters.chain().check(new QualityCandidate("b", "rivers of Europe", "", "")).rejected()).isTrue();
    }

    @Test
    void benchmark_overlap_names_file_and_line_and_checks_the_output_too() throws IOException {
        Path bench = dir.resolve("bench.txt");
        Files.writeString(bench, "the quick brown fox jumps over the lazy dog near the old river bank today\n");
        QualityFilters filters = QualityFilters.of(new QualitySettings(null, List.of(bench), List.of("x"), null, 13,
                0.8), () -> {
                    throw new AssertionError("no model without semantic dedup");
                });

        Verdict inPrompt = filters.chain().check(new QualityCandidate("a",
                "Repeat: the quick brown fox jumps over the lazy dog near the old river bank today", "", ""));
        Verdict inOutput = filters.chain().check(new QualityCandidate("b", "Say something.", "",
                "Well, the quick brown fox jumps over the lazy dog near the old river bank today, I think."));
        Verdict clean = filters.chain().check(new QualityCandidate("c", "Name a colour.", "", "Blue."));

        assertThat(((Verdict.Reject) inPrompt).reason()).isEqualTo(RejectionReason.BENCHMARK_OVERLAP);
        assertThat(((Verdict.Reject) inPrompt).detail()).contains("bench.txt:1");
        assertThat(((Verdict.Reject) inOutput).detail()).startsWith("output ").contains("bench.txt:1");
        assertThat(clean.accepted()).isTrue();
    }

    @Test
    void with_nothing_turned_on_every_record_passes() {
        QualityFilters filters = QualityFilters.of(QualitySettings.OFF, () -> {
            throw new AssertionError("no model");
        });

        assertThat(filters.chain().check(new QualityCandidate("a", "x", "", "")).accepted()).isTrue();
    }
}
