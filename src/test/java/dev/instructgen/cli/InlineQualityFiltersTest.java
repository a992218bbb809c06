package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticEvolTeacher;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import dev.instructgen.text.semantic.HashingEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --semantic-dedup} and {@code --decontaminate} inline in self-instruct and evol-instruct, through the real
 * command line against a loopback teacher that mixes paraphrases (an in-context task with its words reversed:
 * ROUGE-L keeps it, a word-bag embedder sees the same sentence) and benchmark items into its replies.
 */
class InlineQualityFiltersTest {

    static final String ITEM_1 = "A train leaves the station at nine in the morning and travels sixty miles every "
            + "hour toward the coast";
    static final String ITEM_2 = "Janet buys four boxes of pencils with twelve pencils in each box and gives away "
            + "half of them to her classmates";

    private static final Pattern LISTED = Pattern.compile("(?m)^\\d+\\.\\s+(.+)$");

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Self-Instruct replies with, in each list, a reversed in-context task and (two lists in three) a benchmark item. */
    static final class ParaphrasingTeacher implements Function<String, String> {
        final SyntheticSelfInstructTeacher base = new SyntheticSelfInstructTeacher(11, 5);
        final AtomicLong lists = new AtomicLong();
        final AtomicLong instances = new AtomicLong();
        final Set<String> generated = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public String apply(String prompt) {
            String reply = base.apply(prompt);
            if (prompt.contains("Continue the numbered list")) {
                long n = lists.incrementAndGet();
                List<String> shown = new ArrayList<>();
                Matcher m = LISTED.matcher(prompt);
                while (m.find()) {
                    shown.add(m.group(1).strip());
                }
                Matcher items = Pattern.compile("(?m)^(\\d+)\\.\\s+(.+)$").matcher(reply);
                int last = 0;
                while (items.find()) {
                    last = Integer.parseInt(items.group(1));
                    generated.add(items.group(2).strip());
                }
                generated.add(reply.lines().findFirst().orElse("").strip());
                StringBuilder extra = new StringBuilder();
                // a task this fake proposed earlier when one is shown (kept in the pool), else a seed
                String target = shown.stream().filter(generated::contains).findFirst()
                        .orElse(shown.isEmpty() ? null : shown.get((int) (n % shown.size())));
                if (target != null) {
                    extra.append('\n').append(++last).append(". ").append(reversed(target));
                }
                if (n % 3 != 0) {
                    extra.append('\n').append(++last).append(". ")
                            .append(n % 3 == 1 ? ITEM_1 : ITEM_2.toUpperCase(Locale.ROOT));
                }
                return reply + extra;
            }
            if (reply.startsWith("Example 1") && instances.incrementAndGet() % 4 == 0) {
                return "Example 1\nInput: " + ITEM_2 + ".\nOutput: Twenty four pencils.";
            }
            return reply;
        }
    }

    static String reversed(String instruction) {
        List<String> words = new ArrayList<>(Arrays.asList(instruction.replaceAll("[^\\p{L}\\p{N} ]", " ")
                .strip().split("\\s+")));
        java.util.Collections.reverse(words);
        String s = String.join(" ", words).toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    static Set<String> bag(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\W+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void selfInstructRejectsParaphrasesNamingTheKeptTaskAndBenchmarkItemsNamingFileAndLineThenResumes()
            throws IOException {
        Path bench = dir.resolve("bench.txt");
        Files.writeString(bench, ITEM_1 + "\n\n" + ITEM_2 + "\n");
        Path run = dir.resolve("run");
        ParaphrasingTeacher fake = new ParaphrasingTeacher();
        try (FakeTeacherServer teacher = FakeTeacherServer.start(fake, Duration.ZERO, 4)) {
            assertThat(selfInstruct(teacher, run, 20, "0.9")).as(err.toString()).isZero();

            List<JsonNode> examples = JudgeEndToEndTest.lines(run.resolve("examples.jsonl"));
            List<JsonNode> rejected = JudgeEndToEndTest.lines(run.resolve("rejected.jsonl"));
            assertThat(examples).hasSize(20);
            List<JsonNode> semantic = byReason(rejected, "semantic_duplicate");
            List<JsonNode> overlap = byReason(rejected, "benchmark_overlap");
            assertThat(semantic).isNotEmpty().allSatisfy(r -> {
                Matcher m = Pattern.compile("cosine (1\\.000|0\\.9\\d\\d) > 0\\.90 with (\\S+): (.+)")
                        .matcher(r.path("detail").asText());
                assertThat(m.matches()).as(r.toString()).isTrue();
                assertThat(bag(m.group(3))).as("the kept task named has the same words").isEqualTo(
                        bag(r.path("instruction").asText()));
                assertThat(r.path("stage").asText()).isEqualTo("instruction-generation");
            });
            // an item as an instruction (also in capitals) and as an instance's input, named by file and line
            assertThat(overlap).extracting(r -> r.path("detail").asText())
                    .anySatisfy(d -> assertThat(d).contains("with benchmark item bench.txt:1"))
                    .anySatisfy(d -> assertThat(d).contains("with benchmark item bench.txt:3"));
            assertThat(overlap).extracting(r -> r.path("stage").asText())
                    .contains("instruction-generation", "instance-generation");
            for (JsonNode e : examples) {
                assertThat(e.path("instruction").asText() + e.path("input").asText())
                        .doesNotContainIgnoringCase("sixty miles").doesNotContainIgnoringCase("boxes of pencils");
            }
            JsonNode manifest = JsonCodec.mapper().readTree(run.resolve("manifest.json").toFile());
            JsonNode quality = manifest.path("settings").path("quality");
            assertThat(quality.path("semantic_dedup").asDouble()).isEqualTo(0.9);
            assertThat(quality.path("decontaminate").get(0).asText()).endsWith("bench.txt");
            assertThat(quality.path("ngram").asInt()).isEqualTo(13);
            JsonNode stats = JsonCodec.mapper().readTree(run.resolve("stats.json").toFile());
            assertThat(stats.path("rejected").path("semantic_duplicate").asLong()).isEqualTo(semantic.size());
            assertThat(stats.path("rejected").path("benchmark_overlap").asLong()).isEqualTo(overlap.size());
            String card = Files.readString(run.resolve("DATASET_CARD.md"));
            assertThat(card).contains("semantic near-duplicates").contains("benchmark decontamination")
                    .contains("semantic_duplicate").contains("benchmark_overlap");

            // another threshold is another run
            assertThat(selfInstruct(teacher, run, 30, "0.8")).isEqualTo(2);
            assertThat(err.toString()).contains("semantic_dedup");

            // the same settings resume; the semantic pool is refilled from the seeds and the kept examples
            Set<String> keptBefore = new HashSet<>();
            examples.forEach(e -> keptBefore.add(e.path("task_id").asText()));
            int before = rejected.size();
            assertThat(selfInstruct(teacher, run, 30, "0.9")).as(err.toString()).isZero();
            List<JsonNode> after = JudgeEndToEndTest.lines(run.resolve("rejected.jsonl"));
            assertThat(JudgeEndToEndTest.lines(run.resolve("examples.jsonl"))).hasSize(30);
            List<String> namedInSession2 = byReason(after.subList(before, after.size()), "semantic_duplicate")
                    .stream().map(r -> r.path("detail").asText().replaceAll(".* with (\\S+): .*", "$1")).toList();
            assertThat(namedInSession2).isNotEmpty();
            assertThat(namedInSession2).as("a paraphrase of a task kept in session 1 is caught after the resume")
                    .anyMatch(keptBefore::contains);
        }
    }

    @Test
    void evolInstructEliminatesContaminatedRewritesBeforeTheirResponseAndParaphrasesOfOtherInputs()
            throws IOException {
        Path bench = dir.resolve("bench.jsonl");
        Files.writeString(bench, "{\"question\": \"" + ITEM_1 + "\"}\n{\"question\": \"" + ITEM_2 + "\"}\n");
        Path input = dir.resolve("input.jsonl");
        List<String> inputs = List.of("Describe how tides form along a rocky coast.",
                "Explain why bread dough rises in a warm kitchen.",
                "List three ways to keep a small garden watered.",
                "Summarise the plot of a detective story in two lines.");
        StringBuilder lines = new StringBuilder();
        for (String i : inputs) {
            lines.append("{\"instruction\": \"").append(i).append("\", \"input\": \"\", \"output\": \"x\"}\n");
        }
        Files.writeString(input, lines);
        AtomicLong rewrites = new AtomicLong();
        SyntheticEvolTeacher base = new SyntheticEvolTeacher(5, 0.0);
        AtomicLong responsesToItems = new AtomicLong();
        Function<String, String> responder = prompt -> {
            if (prompt.contains("Rewrite it into a harder version")) {
                long n = rewrites.incrementAndGet();
                if (n % 4 == 1) {
                    return ITEM_1 + " and then stops for lunch";
                }
                if (n % 4 == 2) {
                    // the words of another input: a semantic duplicate outside the lineage
                    String given = prompt.substring(prompt.indexOf("<<<") + 4, prompt.indexOf(">>>")).strip();
                    String other = inputs.stream().filter(i -> !given.startsWith(i)).findFirst().orElseThrow();
                    return reversed(other);
                }
            }
            if (prompt.contains(ITEM_1)) {
                responsesToItems.incrementAndGet();
            }
            return base.apply(prompt);
        };
        Path run = dir.resolve("evolved");
        // the settings come from the config file this time, the benchmark files as a YAML list
        Path config = dir.resolve("quality.yaml");
        Files.writeString(config, "semantic-dedup: 0.9\ndecontaminate:\n  - " + bench + "\n");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(responder, Duration.ZERO, 4)) {
            int exit = run("evol-instruct", "--config", config.toString(), "--input", input.toString(),
                    "--out", run.toString(), "--rounds", "3", "--teacher-url", teacher.openAiUrl(), "--model", "m",
                    "--no-equality-judge");
            assertThat(exit).as(err.toString()).isZero();
        }
        JsonNode quality = JsonCodec.mapper().readTree(run.resolve("manifest.json").toFile())
                .path("settings").path("quality");
        assertThat(quality.path("semantic_dedup").asDouble()).isEqualTo(0.9);
        assertThat(quality.path("decontaminate_sha256")).hasSize(1);
        List<JsonNode> rejected = JudgeEndToEndTest.lines(run.resolve("rejected.jsonl"));
        List<JsonNode> overlap = byReason(rejected, "benchmark_overlap");
        assertThat(overlap).isNotEmpty().allSatisfy(r ->
                assertThat(r.path("detail").asText()).contains("with benchmark item bench.jsonl:1"));
        assertThat(responsesToItems.get()).as("no response was asked for a contaminated rewrite").isZero();
        List<JsonNode> semantic = byReason(rejected, "semantic_duplicate");
        assertThat(semantic).isNotEmpty().allSatisfy(r -> assertThat(r.path("detail").asText())
                .matches("cosine 1\\.000 > 0\\.90 with \\S+"));
        for (JsonNode e : JudgeEndToEndTest.lines(run.resolve("examples.jsonl"))) {
            assertThat(e.path("instruction").asText()).doesNotContain("sixty miles");
        }
    }

    private static List<JsonNode> byReason(List<JsonNode> rejected, String reason) {
        return rejected.stream().filter(r -> r.path("reason").asText().equals(reason)).toList();
    }

    private int selfInstruct(FakeTeacherServer teacher, Path run, int target, String threshold) {
        return run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", run.toString(),
                "--teacher-url", teacher.openAiUrl(), "--model", "m", "--target", String.valueOf(target),
                "--semantic-dedup", threshold, "--decontaminate", dir.resolve("bench.txt").toString());
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY", "--concurrency", "2"));
        var commandLine = InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        ((SelfInstructCommand) commandLine.getSubcommands().get("self-instruct").getCommand()).quality.embedder =
                () -> new HashingEmbedder(256);
        ((EvolInstructCommand) commandLine.getSubcommands().get("evol-instruct").getCommand()).quality.embedder =
                () -> new HashingEmbedder(256);
        return commandLine.execute(all.toArray(String[]::new));
    }
}
