package dev.instructgen.testing;

import dev.instructgen.cli.Main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * instructgen in a JVM of its own, for the tests that kill it (kill -9 and resume) or give it a small heap: the
 * test classpath, {@code -Xmx256m}, and its output appended to a log the test can show when it fails.
 */
public final class ChildProcess {

    private ChildProcess() {
    }

    /** {@code java -Xmx256m -cp <test classpath> dev.instructgen.cli.Main args...}, output appended to {@code log}. */
    public static Process start(Path log, List<String> args) throws IOException {
        return builder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** The same command, not started, for a test that sets the environment or the redirects itself. */
    public static ProcessBuilder builder(List<String> args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classpath, Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    /** Waits (60 s at most) until {@code file} holds {@code atLeast} lines, failing if the child ended first. */
    public static void waitForLines(Path file, int atLeast, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(file) && Files.readAllLines(file).size() >= atLeast) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("child still running when it had written " + atLeast + " lines").isTrue();
    }
}
