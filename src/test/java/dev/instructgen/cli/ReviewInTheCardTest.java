package dev.instructgen.cli;

import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.review.ReviewDecision;
import dev.instructgen.review.ReviewJournal;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dataset card states what a person decided on the review page (issue 16), once the card is written again
 * (a resume of the finished run), and says nothing of review when nobody reviewed.
 */
class ReviewInTheCardTest {

    @TempDir
    Path dir;

    private int selfInstruct(FakeTeacherServer teacher, Path run) {
        StringWriter err = new StringWriter();
        int code = InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", teacher.openAiUrl(),
                        "--model", "sim-teacher", "--concurrency", "2", "--target", "6", "--out", run.toString());
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    private static List<String> ids(Path run) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("examples.jsonl"))) {
            ids.add(JsonCodec.mapper().readTree(line).path("id").asText());
        }
        return ids;
    }

    @Test
    void aCardWrittenAfterAReviewCountsWhatThePersonAcceptedRejectedAndEdited() throws IOException {
        Path run = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(5, 6, 0.3),
                Duration.ZERO, 4)) {
            selfInstruct(teacher, run);
            assertThat(Files.readString(run.resolve("DATASET_CARD.md"))).doesNotContain("reviewed by a person");

            List<String> ids = ids(run);
            String at = "2026-12-01T11:00:00Z";
            try (ReviewJournal reviews = ReviewJournal.open(run)) {
                reviews.append(new ReviewDecision(ids.get(0), ReviewDecision.EXAMPLE,
                        ReviewDecision.Decision.REJECTED, "wrong answer", null, at));
                reviews.append(new ReviewDecision(ids.get(1), ReviewDecision.EXAMPLE,
                        ReviewDecision.Decision.EDITED, null, new ReviewDecision.Edit("Better wording", null, null),
                        at));
                reviews.append(new ReviewDecision(ids.get(2), ReviewDecision.EXAMPLE,
                        ReviewDecision.Decision.ACCEPTED, null, null, at));
                reviews.append(new ReviewDecision(ids.get(3), ReviewDecision.EXAMPLE,
                        ReviewDecision.Decision.ACCEPTED, null, null, at));
            }

            selfInstruct(teacher, run);
        }

        assertThat(Files.readString(run.resolve("DATASET_CARD.md")))
                .contains("4 examples reviewed by a person (reviews.jsonl): 2 accepted, 1 rejected, 1 edited");
    }
}
