package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml stays in step with the CLI: the services exist, and the instructgen command each one runs
 * parses with today's options. (CI also runs {@code docker-compose config} on the file where it can.)
 */
class ComposeFileTest {

    private final JsonNode compose = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void offersOllamaWithAModelPullAndVllmUnderTheGpuProfile() {
        JsonNode services = compose.path("services");
        assertThat(services.has("ollama")).isTrue();
        assertThat(services.path("ollama-pull").path("entrypoint").toString()).contains("pull");
        assertThat(services.path("vllm").path("profiles").toString()).contains("gpu");
        assertThat(services.path("instructgen-vllm").path("profiles").toString()).contains("gpu");
    }

    @Test
    void everyInstructgenServiceRunsACommandTheCliAccepts() {
        for (String service : List.of("instructgen", "instructgen-vllm")) {
            String shell = compose.path("services").path(service).path("command").get(0).asText();
            String invocation = shell.substring(shell.indexOf("instructgen.jar") + "instructgen.jar".length());
            List<String> args = new ArrayList<>(Arrays.asList(
                    invocation.replaceAll("\\$\\{[A-Z_]+:-([^}]+)}", "$1").trim().split("\\s+")));

            CommandLine.ParseResult parsed = InstructgenCommand.commandLine().parseArgs(args.toArray(String[]::new));

            assertThat(parsed.subcommand().commandSpec().name()).as(service).isEqualTo("self-instruct");
            assertThat(parsed.subcommand().hasMatchedOption("--out")).as(service).isTrue();
            assertThat(parsed.subcommand().matchedOptionValue("--seeds", null).toString())
                    .isEqualTo("seeds/seed_tasks.jsonl");
        }
    }
}
