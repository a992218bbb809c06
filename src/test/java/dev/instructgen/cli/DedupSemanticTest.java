package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.text.semantic.BgeSmallEmbedder;
import dev.instructgen.text.semantic.SentenceEmbedder;
import org.junit.jupiter.api.BeforeAll;
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
 * {@code dedup --semantic} with the real in-process model, through the command line: paraphrase pairs that
 * ROUGE-L keeps (F1 under 0.7) are caught at 0.85 with the kept record named, and pairs of different tasks, even
 * ones sharing most words, are both kept.
 */
class DedupSemanticTest {

    static final List<List<String>> PARAPHRASES = List.of(
            List.of("Name three rivers in Europe.", "List 3 European rivers."),
            List.of("Give me a recipe for pancakes.", "How do I make pancakes? Provide the steps."),
            List.of("Translate the sentence into French.", "Render this sentence in French."),
            List.of("What is the capital of Australia?", "Which city is Australia's capital?"),
            List.of("Explain how photosynthesis works to a child.",
                    "Describe photosynthesis in terms a kid could understand."),
            List.of("Find the grammatical errors in the text.", "Identify any grammar mistakes in this passage."));

    static final List<List<String>> DIFFERENT_TASKS = List.of(
            List.of("Name three rivers in Europe.", "Write a haiku about autumn leaves."),
            List.of("List 3 European rivers.", "List 3 European painters."),
            List.of("Write a poem about the sea.", "Write a poem about the mountains."),
            List.of("Sort these numbers in ascending order.", "Sort these words alphabetically."),
            List.of("Write a cover letter for a software engineering job.",
                    "Write a resignation letter to my manager."));

    static SentenceEmbedder model;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void loadTheModelOnce() {
        model = new BgeSmallEmbedder();
    }

    private int dedup(Path in, Path outFile, String... extra) {
        var commandLine = InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err));
        ((DedupCommand) commandLine.getSubcommands().get("dedup").getCommand()).embedder = () -> model;
        List<String> args = new java.util.ArrayList<>(List.of("dedup", "--in", in.toString(), "--out",
                outFile.toString()));
        args.addAll(List.of(extra));
        return commandLine.execute(args.toArray(String[]::new));
    }

    private Path pair(List<String> pair, int n) throws IOException {
        Path file = dir.resolve("pair" + n + ".jsonl");
        Files.writeString(file, "{\"instruction\": \"" + pair.get(0) + "\", \"input\": \"\", \"output\": \"a\"}\n"
                + "{\"instruction\": \"" + pair.get(1) + "\", \"input\": \"\", \"output\": \"b\"}\n");
        return file;
    }

    @Test
    void paraphrases_that_rouge_l_keeps_are_dropped_by_the_semantic_pass_naming_the_kept_record()
            throws IOException {
        for (int n = 0; n < PARAPHRASES.size(); n++) {
            Path in = pair(PARAPHRASES.get(n), n);
            Path rougeOnly = dir.resolve("rouge" + n + ".jsonl");
            Path semantic = dir.resolve("semantic" + n + ".jsonl");

            assertThat(dedup(in, rougeOnly)).isEqualTo(ExitCode.OK);
            assertThat(Files.readAllLines(rougeOnly)).as("ROUGE-L keeps %s", PARAPHRASES.get(n)).hasSize(2);
            assertThat(dedup(in, semantic, "--semantic", "0.85")).as(err.toString()).isEqualTo(ExitCode.OK);

            assertThat(Files.readAllLines(semantic)).as("semantic pass on %s", PARAPHRASES.get(n)).hasSize(1);
            JsonNode drop = JsonCodec.mapper().readTree(Files.readString(DedupCommand.reportPath(semantic)));
            assertThat(drop.get("reason").asText()).isEqualTo("semantic_duplicate");
            assertThat(drop.get("instruction").asText()).isEqualTo(PARAPHRASES.get(n).get(1));
            assertThat(drop.get("kept_instruction").asText()).isEqualTo(PARAPHRASES.get(n).get(0));
            assertThat(drop.get("cosine").asDouble()).isGreaterThan(0.85);
        }
        assertThat(out.toString()).contains("and 1 semantic near-duplicates (cosine > 0.85)");
    }

    @Test
    void different_tasks_are_both_kept_even_when_they_share_most_words() throws IOException {
        for (int n = 0; n < DIFFERENT_TASKS.size(); n++) {
            Path in = pair(DIFFERENT_TASKS.get(n), n);
            Path semantic = dir.resolve("semantic" + n + ".jsonl");

            // ROUGE-L off (F1 never exceeds 1), so only the semantic pass decides
            assertThat(dedup(in, semantic, "--semantic", "0.85", "--threshold", "1.0")).as(err.toString())
                    .isEqualTo(ExitCode.OK);

            assertThat(Files.readAllLines(semantic)).as("%s", DIFFERENT_TASKS.get(n)).hasSize(2);
        }
    }
}
