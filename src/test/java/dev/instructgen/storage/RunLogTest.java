package dev.instructgen.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunLogTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T22:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void linesPrintedBeforeTheRunDirectoryIsKnownAreWrittenWhenItIsAttached() throws Exception {
        StringWriter console = new StringWriter();
        try (RunLog log = RunLog.create(CLOCK, java.util.List.of())) {
            PrintWriter err = log.tee(new PrintWriter(console, true));
            err.println("warning: the terms are unknown");
            assertThat(dir.resolve(RunLog.FILE)).doesNotExist();
            log.attach(dir);
            err.println("done: 20 examples");
        }

        assertThat(console.toString()).isEqualTo("warning: the terms are unknown\ndone: 20 examples\n");
        assertThat(Files.readAllLines(dir.resolve(RunLog.FILE))).containsExactly(
                "2026-11-21T22:00:00Z warning: the terms are unknown",
                "2026-11-21T22:00:00Z done: 20 examples");
    }

    @Test
    void neverWritesTheValueOfAVariableNamedLikeASecret() throws Exception {
        try (RunLog log = RunLog.forEnvironment(CLOCK, Map.of("OPENAI_API_KEY", "sk-live-1234567890",
                "HOME", "/home/someone"))) {
            log.attach(dir);
            log.tee(new PrintWriter(new StringWriter(), true)).println("model simsk-live-1234567890teacher at /home/someone");
        }

        assertThat(Files.readString(dir.resolve(RunLog.FILE)))
                .doesNotContain("sk-live-1234567890").contains("sim***teacher").contains("/home/someone");
    }

    @Test
    void keepsOnlyWhatAProgressBarLeftStanding() throws Exception {
        try (RunLog log = RunLog.create(CLOCK, java.util.List.of())) {
            log.attach(dir);
            PrintWriter err = log.tee(new PrintWriter(new StringWriter(), true));
            err.print("\r\u001B[32m[=   ] 1/4\u001B[0m");
            err.print("\r[====] 4/4");
            err.println();
        }

        assertThat(Files.readAllLines(dir.resolve(RunLog.FILE))).containsExactly("2026-11-21T22:00:00Z [====] 4/4");
    }
}
