package dev.instructgen.cli;

import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue: a URL typo retried forever and an absent server cost the whole --patience in silence. Both are now
 * found before the first request, through the real command.
 */
class TeacherCheckAtStartTest {

    @TempDir
    Path dir;
    final StringWriter err = new StringWriter();

    int run(String... args) {
        List<String> all = new ArrayList<>(List.of("self-instruct", "--seeds", "seeds/seed_tasks.jsonl",
                "--target", "5", "--concurrency", "2", "--patience", "30s", "--out", dir.resolve("run").toString()));
        all.addAll(List.of(args));
        return InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"htp://localhost:8000/v1", "http//localhost:8000", "ftp://localhost/v1", "",
            "api.openai.com/v1"})
    @Timeout(30)
    void aTeacherUrlTheTransportCannotUseExitsTwoAtOnceNamingTheOptionAndTheForm(String url) {
        int exit = run("--teacher-url", url, "--model", "m");

        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("--teacher-url").contains("expected http://HOST[:PORT][/PATH]")
                .doesNotContain("Exception");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    @Timeout(60)
    void aLocalHostAndPortWithoutSchemeIsReadAsHttpAndTheRunCompletes() throws IOException {
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(3, 6),
                Duration.ZERO, 4).serving("sim-teacher")) {
            String withoutScheme = teacher.openAiUrl().substring("http://".length());

            int exit = run("--teacher-url", withoutScheme, "--model", "sim-teacher");

            assertThat(exit).as(err.toString()).isZero();
            assertThat(Files.readAllLines(dir.resolve("run/examples.jsonl"))).hasSize(5);
            assertThat(teacher.listRequestCount()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(30)
    void noServerAtTheAddressFailsInAboutASecondSayingWhatToStart() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        long start = System.nanoTime();

        int exit = run("--teacher-api", "ollama", "--teacher-url", "http://127.0.0.1:" + port,
                "--model", "llama3.1:8b");

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("no server at http://127.0.0.1:" + port + ": start Ollama (`ollama serve`, "
                + "or `docker compose up ollama`) and pull llama3.1:8b");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @Timeout(30)
    void anOllamaWithoutTheModelSaysTryPullingItFirstBeforeAnyRequest() throws IOException {
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(3, 6),
                Duration.ZERO, 4).serving("qwen2.5:7b")) {
            int exit = run("--teacher-api", "ollama", "--teacher-url", teacher.ollamaUrl(), "--model", "llama3.1:8b");

            assertThat(exit).as(err.toString()).isEqualTo(1);
            assertThat(err.toString()).contains("model 'llama3.1:8b' not found").contains("try pulling it first")
                    .contains("ollama pull llama3.1:8b").contains("qwen2.5:7b");
            assertThat(teacher.requestCount()).isZero();
        }
    }

    @Test
    @Timeout(30)
    void aDryRunDoesNotContactTheTeacher() throws IOException {
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(3, 6),
                Duration.ZERO, 4).serving("sim-teacher")) {
            int exit = run("--teacher-url", teacher.openAiUrl(), "--model", "sim-teacher", "--dry-run");

            assertThat(exit).as(err.toString()).isZero();
            assertThat(teacher.listRequestCount()).isZero();
            assertThat(teacher.requestCount()).isZero();
        }
    }
}
