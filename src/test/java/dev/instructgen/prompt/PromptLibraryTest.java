package dev.instructgen.prompt;

import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptLibraryTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheShippedTemplatesWithTheSha256OfTheirFiles() throws Exception {
        PromptTemplate t = PromptLibrary.shipped().get("self-instruct/instruction-generation.txt");

        assertThat(t.text()).contains("${tasks}").contains("${next}");
        byte[] file = java.nio.file.Files.readAllBytes(Path.of("prompts", "self-instruct", "instruction-generation.txt"));
        assertThat(t.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(t.provenanceId()).isEqualTo("self-instruct/instruction-generation.txt@" + t.sha256().substring(0, 12));
    }

    @Test
    void rendersVariablesAndNeverExpandsPlaceholdersInsideValues() {
        PromptTemplate t = PromptTemplate.of("x.txt", "Task: ${instruction}\nCount: ${count}", "test");

        assertThat(t.render(Map.of("instruction", "Print ${HOME} literally", "count", 2)))
                .isEqualTo("Task: Print ${HOME} literally\nCount: 2");
    }

    @Test
    void failsOnAnUndefinedVariableNamingTheTemplate() {
        PromptTemplate t = PromptTemplate.of("x.txt", "Task: ${instrution}", "prompts/x.txt");

        assertThatThrownBy(() -> t.render(Map.of("instruction", "a")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("prompts/x.txt").hasMessageContaining("instrution");
    }

    @Test
    void anOverrideDirectoryReplacesOneTemplateAndKeepsTheOthers() throws IOException {
        Path override = dir.resolve("self-instruct/classification.txt");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "Is this a classification task? ${instruction}");

        PromptLibrary library = PromptLibrary.withOverrides(dir);

        PromptTemplate overridden = library.get("self-instruct/classification.txt");
        assertThat(overridden.text()).startsWith("Is this a classification task?");
        assertThat(overridden.sha256())
                .isNotEqualTo(PromptLibrary.shipped().get("self-instruct/classification.txt").sha256());
        assertThat(library.get("self-instruct/instruction-generation.txt").text())
                .isEqualTo(PromptLibrary.shipped().get("self-instruct/instruction-generation.txt").text());
    }

    @Test
    void refusesAnOverrideDirectoryThatDoesNotExist() {
        assertThatThrownBy(() -> PromptLibrary.withOverrides(dir.resolve("missing")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--prompts");
    }

    @Test
    void refusesAMisspelledTemplateFileNamingItAndTheTemplateItWasMeantToBe() throws IOException {
        Files.createDirectories(dir.resolve("self-instruct"));
        Files.writeString(dir.resolve("self-instruct/clasification.txt"), "Is it? ${instruction}");

        assertThatThrownBy(() -> PromptLibrary.withOverrides(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown template self-instruct/clasification.txt")
                .hasMessageContaining("did you mean self-instruct/classification.txt?");
    }

    @Test
    void leavesHiddenFilesInAnOverrideDirectoryAlone() throws IOException {
        Files.createDirectories(dir.resolve("evol"));
        Files.writeString(dir.resolve("evol/deepen.txt"), "Deeper: ${instruction}");
        Files.writeString(dir.resolve("evol/.deepen.txt.swp"), "editor state");

        assertThat(PromptLibrary.withOverrides(dir).get("evol/deepen.txt").text()).startsWith("Deeper:");
    }
}
