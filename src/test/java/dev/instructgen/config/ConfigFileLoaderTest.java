package dev.instructgen.config;

import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFileLoaderTest {

    @TempDir
    Path dir;

    private final ConfigFileLoader loader = new ConfigFileLoader(
            Set.of("model", "teacher-url", "concurrency", "blacklist"), Set.of("sampling"),
            Map.of("HOST", "gpu-box", "EMPTY", "")::get);

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsFlatOptionsWithTheirLines() throws IOException {
        ConfigFile config = loader.load(write("model: llama3.1:8b\n\nconcurrency: 16\n"));

        assertThat(config.option("model")).hasValueSatisfying(v -> {
            assertThat(v.value()).isEqualTo("llama3.1:8b");
            assertThat(v.line()).isEqualTo(1);
        });
        assertThat(config.option("concurrency").orElseThrow().line()).isEqualTo(3);
    }

    @Test
    void replacesEnvironmentReferencesAndDefaults() throws IOException {
        ConfigFile config = loader.load(write(
                "teacher-url: http://${HOST}:8000/v1\nmodel: ${MODEL_NAME:-qwen2.5:7b}\n"));

        assertThat(config.option("teacher-url").orElseThrow().value()).isEqualTo("http://gpu-box:8000/v1");
        assertThat(config.option("model").orElseThrow().value()).isEqualTo("qwen2.5:7b");
    }

    @Test
    void namesTheMissingEnvironmentVariableAndTheLine() throws IOException {
        Path file = write("model: m\nteacher-url: http://${NOT_SET}/v1\n");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ":2: environment variable NOT_SET is not set "
                        + "(write ${NOT_SET:-default} to give a default)");
    }

    @Test
    void rejectsAnUnknownKeyNamingTheClosestValidOne() throws IOException {
        Path file = write("model: m\nconcurency: 4\n");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ":2: unknown setting 'concurency'; did you mean 'concurrency'?");
    }

    @Test
    void keepsStructuredSectionsAndInterpolatesInsideThem() throws IOException {
        ConfigFile config = loader.load(write(
                "sampling:\n  instruction-generation:\n    temperature: 0.7\n    note: on ${HOST}\n"));

        assertThat(config.section("sampling").orElseThrow()
                .at("/instruction-generation/temperature").asDouble()).isEqualTo(0.7);
        assertThat(config.section("sampling").orElseThrow()
                .at("/instruction-generation/note").asText()).isEqualTo("on gpu-box");
    }

    @Test
    void joinsListsForListOptions() throws IOException {
        ConfigFileLoader listing = new ConfigFileLoader(new ConfigKeys(Set.of("model", "blacklist"), Set.of(),
                Set.of("blacklist"), null, Set.of()), Map.<String, String>of()::get);

        ConfigFile config = listing.load(write("blacklist:\n  - image\n  - chart\n"));

        assertThat(config.option("blacklist").orElseThrow().value()).isEqualTo("image,chart");
    }

    @Test
    void reportsBrokenYamlWithItsLine() throws IOException {
        Path file = write("model: m\nconcurrency: [1, 2\n");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void rejectsASectionGivenAsAPlainValue() throws IOException {
        Path file = write("sampling: hot\n");

        assertThatThrownBy(() -> loader.load(file))
                .hasMessage(file + ":1: 'sampling' expects a mapping of settings");
    }

    @Test
    void anEmptyFileSetsNothing() throws IOException {
        ConfigFile config = loader.load(write(""));

        assertThat(config.options()).isEmpty();
        assertThat(config.sections()).isEmpty();
    }

    @Test
    void anEscapedReferenceStaysLiteral() throws IOException {
        ConfigFile config = loader.load(write("model: sim$${HOST}teacher\nteacher-url: $${NOT_SET:-x}/v1\n"));

        assertThat(config.option("model").orElseThrow().value()).isEqualTo("sim${HOST}teacher");
        assertThat(config.option("teacher-url").orElseThrow().value()).isEqualTo("${NOT_SET:-x}/v1");
    }

    @Test
    void interpolationIsOnePassSoAnEnvironmentValueIsNeverExpandedAgain() throws IOException {
        ConfigFileLoader nested = new ConfigFileLoader(Set.of("model"), Set.of(),
                Map.of("OUTER", "${HOST}", "HOST", "gpu-box")::get);

        ConfigFile config = nested.load(write("model: ${OUTER}\n"));

        assertThat(config.option("model").orElseThrow().value()).isEqualTo("${HOST}");
    }

    @Test
    void refusesVariablesNamedLikeSecretsInOptionsAndSections() throws IOException {
        for (String name : new String[] {"OPENAI_API_KEY", "HF_TOKEN", "T8_SECRET", "DB_PASSWORD", "GITHUBTOKEN"}) {
            Path file = write("model: x\nsampling:\n  note: ${" + name + ":-x}\n");
            assertThatThrownBy(() -> loader.load(file))
                    .hasMessageStartingWith(file + ":2: 'sampling.note' refers to ${" + name + "}, a variable "
                            + "named like a secret");
        }
    }

    @Test
    void ordinaryVariablesThatMerelyContainSecretLettersAreFine() throws IOException {
        ConfigFileLoader ordinary = new ConfigFileLoader(Set.of("model"), Set.of(),
                Map.of("KEYWORDS", "k", "PWD", "/home/me", "MONKEY_NAME", "bo")::get);

        ConfigFile config = ordinary.load(write("model: ${KEYWORDS}${PWD}${MONKEY_NAME}\n"));

        assertThat(config.option("model").orElseThrow().value()).isEqualTo("k/home/mebo");
    }

    @Test
    void anUnterminatedOrMalformedReferenceNamesTheKeyAndLine() throws IOException {
        Path open = write("model: m\nteacher-url: http://${HOST\n");
        assertThatThrownBy(() -> loader.load(open))
                .hasMessageStartingWith(open + ":2: 'teacher-url' has an unterminated '${'");

        Path badName = write("model: ${1X}\n");
        assertThatThrownBy(() -> loader.load(badName))
                .hasMessageStartingWith(badName + ":1: 'model' refers to ${1X}, which is not an environment variable");
    }

    @Test
    void anotherCommandsSectionIsSkippedAndTheOwnOneWins() throws IOException {
        ConfigFileLoader forSelfInstruct = new ConfigFileLoader(new ConfigKeys(Set.of("model", "concurrency"),
                Set.of("sampling"), Set.of(), "self-instruct", Set.of("evol-instruct")), Map.<String, String>of()::get);

        ConfigFile config = forSelfInstruct.load(write("""
                model: shared
                concurrency: 4
                evol-instruct:
                  rounds: 3
                self-instruct:
                  model: own
                  sampling:
                    classification: {temperature: 0}
                """));

        assertThat(config.option("model").orElseThrow()).isEqualTo(new ConfigFile.ConfigValue("own", 6));
        assertThat(config.option("concurrency").orElseThrow().value()).isEqualTo("4");
        assertThat(config.section("sampling")).isPresent();
    }
}
