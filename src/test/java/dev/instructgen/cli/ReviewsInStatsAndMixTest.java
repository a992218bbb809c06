package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.mix.MixFixtures;
import dev.instructgen.review.ReviewDecision;
import dev.instructgen.review.ReviewJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person decided on the review page reaches the other commands (issue 16): `stats` counts the reviewed
 * examples, and `mix` leaves out what was rejected and takes the edited text.
 */
class ReviewsInStatsAndMixTest {

    @TempDir
    Path tmp;

    private StringWriter out;
    private Path run;

    @BeforeEach
    void aReviewedRun() {
        run = MixFixtures.run(tmp.resolve("si"), "self-instruct", "si", MixFixtures.instructions(1, 10),
                MixFixtures.license("Apache-2.0", true, "llama3.1:8b"));
        String at = "2026-12-01T11:00:00Z";
        try (ReviewJournal reviews = ReviewJournal.open(run)) {
            reviews.append(new ReviewDecision("si-0", ReviewDecision.EXAMPLE, ReviewDecision.Decision.REJECTED,
                    "wrong answer", null, at));
            reviews.append(new ReviewDecision("si-1", ReviewDecision.EXAMPLE, ReviewDecision.Decision.EDITED, null,
                    new ReviewDecision.Edit("A corrected instruction", null, null), at));
            reviews.append(new ReviewDecision("si-2", ReviewDecision.EXAMPLE, ReviewDecision.Decision.ACCEPTED,
                    null, null, at));
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
                .execute(args);
    }

    @Test
    void statsCountsTheExamplesAPersonReviewed() {
        assertThat(run("stats", run.toString())).isZero();

        assertThat(out.toString()).contains("3 examples reviewed by a person (reviews.jsonl): 1 accepted, "
                + "1 rejected, 1 edited");
    }

    @Test
    void statsOfARunNobodyReviewedSaysNothingAboutReview() throws IOException {
        Files.delete(run.resolve(ReviewJournal.FILE));

        assertThat(run("stats", run.toString())).isZero();

        assertThat(out.toString()).doesNotContain("reviewed by a person");
    }

    @Test
    void aMixLeavesOutWhatAReviewerRejectedAndTakesTheEditedText() throws IOException {
        Path mixed = tmp.resolve("mixed");

        assertThat(run("mix", "--source", "si=" + run, "--strategy", "proportional", "--out", mixed.toString()))
                .isZero();

        List<JsonNode> examples = Files.readAllLines(mixed.resolve("examples.jsonl")).stream()
                .map(line -> {
                    try {
                        return JsonCodec.mapper().readTree(line);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }).toList();
        assertThat(examples).hasSize(9);
        assertThat(examples).extracting(e -> e.path("provenance").path("mix").path("original_id").asText())
                .doesNotContain("si-0").contains("si-1", "si-2");
        JsonNode edited = examples.stream()
                .filter(e -> e.path("provenance").path("mix").path("original_id").asText().equals("si-1"))
                .findFirst().orElseThrow();
        assertThat(edited.path("instruction").asText()).isEqualTo("A corrected instruction");
    }
}
