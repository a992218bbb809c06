package dev.instructgen.review;

import dev.instructgen.cli.InstructgenCommand;
import dev.instructgen.testing.SyntheticRunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code export} leaves out what reviewers rejected and writes what they edited; examples.jsonl is untouched. */
class ReviewedExportTest {

    @TempDir
    Path temp;

    @Test
    void anExportAppliesTheReviewsOfTheRun() throws Exception {
        Path run = temp.resolve("run");
        SyntheticRunDirectory.write(run, 60);
        List<String> lines = Files.readAllLines(run.resolve("examples.jsonl"));
        String rejectedOutput = dev.instructgen.dataset.JsonCodec.mapper().readTree(lines.get(20)).get("output")
                .asText();
        byte[] before = Files.readAllBytes(run.resolve("examples.jsonl"));
        try (ReviewJournal journal = ReviewJournal.open(run)) {
            String at = "2026-11-21T23:00:00.000Z";
            journal.append(new ReviewDecision("ex-20", "example", ReviewDecision.Decision.REJECTED, "wrong", null, at));
            journal.append(new ReviewDecision("ex-21", "example", ReviewDecision.Decision.EDITED, null,
                    new ReviewDecision.Edit(null, null, "A reviewed answer."), at));
        }
        Path out = temp.resolve("train.jsonl");
        StringWriter printed = new StringWriter();
        int code = InstructgenCommand.commandLine(new PrintWriter(printed), new PrintWriter(new StringWriter()))
                .execute("export", "--run", run.toString(), "--format", "alpaca", "--to", out.toString());
        assertThat(code).isZero();
        String exported = Files.readString(out);
        assertThat(exported.lines()).hasSize(59);
        assertThat(exported).contains("A reviewed answer.").doesNotContain(rejectedOutput);
        assertThat(printed.toString()).contains("wrote 59 alpaca records");
        assertThat(Files.readAllBytes(run.resolve("examples.jsonl"))).isEqualTo(before);
    }
}
