package dev.instructgen.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line wins over the config file, and the file over the built-in defaults. */
class ConfigPrecedenceTest {

    @TempDir
    Path dir;

    @Command(name = "probe")
    static final class ProbeCommand implements Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Option(names = "--model")
        String model;
        @Option(names = "--concurrency", defaultValue = "8")
        int concurrency;
        @Option(names = "--threshold", defaultValue = "0.7")
        double threshold;

        @Override
        public Integer call() {
            return 0;
        }
    }

    private final StringWriter err = new StringWriter();

    private ProbeCommand run(String... args) {
        ProbeCommand probe = new ProbeCommand();
        CommandLine cl = new CommandLine(probe);
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setDefaultValueProvider(new ConfigDefaultProvider(cl.getCommandSpec(), env::get));
        probeExit = cl.execute(args);
        return probe;
    }

    private int probeExit;
    private Map<String, String> env = Map.of("M", "env-model");

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void fileOverridesBuiltInDefaults() throws IOException {
        ProbeCommand probe = run("--config", config("concurrency: 32\nmodel: ${M}\n").toString());

        assertThat(probe.concurrency).isEqualTo(32);
        assertThat(probe.model).isEqualTo("env-model");
        assertThat(probe.threshold).isEqualTo(0.7);
    }

    @Test
    void commandLineOverridesTheFileWhicheverComesFirst() throws IOException {
        Path file = config("concurrency: 32\nmodel: from-file\n");

        ProbeCommand before = run("--concurrency", "4", "--config", file.toString());
        ProbeCommand after = run("--config", file.toString(), "--model", "from-cli");

        assertThat(before.concurrency).isEqualTo(4);
        assertThat(before.model).isEqualTo("from-file");
        assertThat(after.model).isEqualTo("from-cli");
        assertThat(after.concurrency).isEqualTo(32);
    }

    @Test
    void withoutAFileTheBuiltInDefaultsApply() {
        ProbeCommand probe = run();

        assertThat(probe.concurrency).isEqualTo(8);
        assertThat(probe.model).isNull();
    }

    @Test
    void anUnknownKeyIsABadUsageNamingTheClosestKey() throws IOException {
        Path file = config("modle: x\n");

        run("--config", file.toString());

        assertThat(probeExit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(file + ":1: unknown setting 'modle'; did you mean 'model'?");
    }

    @Test
    void anEnvironmentValueHoldingAReferenceReachesTheOptionAsWritten() throws IOException {
        env = Map.of("M", "a${HOME}b", "HOME", "/home/me");

        ProbeCommand probe = run("--config", config("model: ${M}\n").toString());

        assertThat(probe.model).isEqualTo("a${HOME}b");
    }

    @Test
    void anEscapedReferenceReachesTheOptionLiterally() throws IOException {
        ProbeCommand probe = run("--config", config("model: sim$${M}teacher\n").toString());

        assertThat(probe.model).isEqualTo("sim${M}teacher");
    }
}
