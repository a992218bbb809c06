package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.JsonLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** evol-instruct end to end through the CLI, against a scripted teacher on WireMock. */
class EvolInstructCommandTest {

    @TempDir
    Path dir;

    private WireMockServer server;
    private EvolTeacherStubs teacher;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        teacher = new EvolTeacherStubs(server);
        teacher.defaults();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Path seeds(String... instructions) throws IOException {
        Path file = dir.resolve("seed_tasks.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < instructions.length; i++) {
            var task = JsonCodec.mapper().createObjectNode();
            task.put("id", "seed_task_" + i).put("name", "task" + i).put("instruction", instructions[i]);
            task.putArray("instances").addObject().put("input", "").put("output", "Answer " + i + ".");
            task.put("is_classification", false);
            lines.add(task.toString());
        }
        Files.write(file, lines);
        Files.writeString(dir.resolve("seed_tasks.jsonl.license"), "CC0-1.0\n");
        return file;
    }

    private int run(Path input, Path runDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("evol-instruct", "--input", input.toString(),
                "--out", runDir.toString(), "--teacher-url", server.baseUrl() + "/v1",
                "--timeout", "5s", "--random-seed", "42", "--verbose"));
        if (!List.of(extra).contains("--model")) {
            args.addAll(List.of("--model", "evol-test"));
        }
        args.addAll(List.of(extra));
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
    }

    private static JsonNode json(Path file) throws IOException {
        return JsonCodec.mapper().readTree(file.toFile());
    }

    @Test
    void eachEliminationRuleRejectsWithItsOwnReasonCode() throws IOException {
        Path input = seeds("Name the capital of Peru.", "Give two synonyms for happy.", "Define photosynthesis.",
                "Explain quantum tunnelling.", "Translate hello into French.", "Suggest a name for a cat.",
                "Write a haiku about snow.");
        teacher.onRewrite("Name the capital of Peru.", "Improve the given prompt: name the capital of Peru and its "
                + "altitude in metres.");
        teacher.onRewrite("Give two synonyms for happy.", "Give two synonyms for HAPPY!");
        teacher.onRewrite("Define photosynthesis.", "Define photosynthesis, please, in a sentence or so.");
        teacher.onJudge("Define photosynthesis, please, in a sentence or so.", "Equal");
        teacher.onRewrite("Explain quantum tunnelling.", "Explain quantum tunnelling to a ten-year-old using one "
                + "everyday analogy.");
        teacher.onAnswer("Explain quantum tunnelling to a ten-year-old", "I'm sorry, but I cannot explain that.");
        teacher.onRewrite("Translate hello into French.", "Translate hello into French and give the formal and "
                + "the informal variant.");
        teacher.onAnswer("Translate hello into French and give", "It is, and so it is.");
        teacher.onRewrite("Suggest a name for a cat.", "#Rewritten Prompt#: Suggest a name for a black cat born "
                + "on a Friday, with a reason.");
        teacher.onRewrite(EvolTeacherStubs.ANY_REWRITE, "Write a haiku about snow.", "Write a haiku about snow "
                + "that falls on", "length");

        int exit = run(input, dir.resolve("run"), "--rounds", "1");

        assertThat(exit).as(err.toString()).isZero();
        Map<String, String> reasonById = new HashMap<>();
        JsonLines.readIfExists(dir.resolve("run/rejected.jsonl")).forEach(r -> reasonById.put(r.path("id").asText(),
                r.path("reason").asText() + " | " + r.path("detail").asText()));
        assertThat(reasonById).containsOnlyKeys("seed_task_0.r1", "seed_task_1.r1", "seed_task_2.r1",
                "seed_task_3.r1", "seed_task_4.r1", "seed_task_6.r1");
        assertThat(reasonById.get("seed_task_0.r1")).startsWith("prompt_leak | ");
        assertThat(reasonById.get("seed_task_1.r1")).isEqualTo("no_information_gain | identical to parent");
        assertThat(reasonById.get("seed_task_2.r1")).isEqualTo("no_information_gain | judge: Equal");
        assertThat(reasonById.get("seed_task_3.r1")).startsWith("response_apology | ");
        assertThat(reasonById.get("seed_task_4.r1")).startsWith("response_stopwords_only | ");
        assertThat(reasonById.get("seed_task_6.r1")).startsWith("evolution_cut_off | ");

        List<JsonNode> examples = JsonLines.readIfExists(dir.resolve("run/examples.jsonl"));
        assertThat(examples).singleElement().satisfies(e -> {
            assertThat(e.path("id").asText()).isEqualTo("seed_task_5.r1");
            assertThat(e.path("instruction").asText())
                    .isEqualTo("Suggest a name for a black cat born on a Friday, with a reason.");
            assertThat(e.path("method").asText()).isEqualTo("evol-instruct");
            assertThat(e.path("provenance").path("parents").get(0).asText()).isEqualTo("seed_task_5");
            assertThat(e.path("provenance").path("evolution").path("round").asInt()).isEqualTo(1);
            assertThat(e.path("license").path("license").asText()).isEqualTo("CC0-1.0");
        });

        JsonNode stats = json(dir.resolve("run/stats.json"));
        JsonNode evolution = stats.path("evolution");
        assertThat(evolution.path("attempted").asInt()).isEqualTo(7);
        assertThat(evolution.path("accepted").asInt()).isEqualTo(1);
        assertThat(evolution.path("eliminated").path("no_information_gain").asInt()).isEqualTo(2);
        assertThat(evolution.path("eliminated").path("prompt_leak").asInt()).isEqualTo(1);
        assertThat(evolution.path("eliminated").path("response_apology").asInt()).isEqualTo(1);
        assertThat(evolution.path("eliminated").path("response_stopwords_only").asInt()).isEqualTo(1);
        assertThat(evolution.path("eliminated").path("evolution_cut_off").asInt()).isEqualTo(1);
        assertThat(evolution.path("leading_labels_stripped").asInt()).isEqualTo(1);
        assertThat(stats.path("rejected").path("no_information_gain").asInt()).isEqualTo(2);
        long byOperation = 0;
        for (JsonNode op : evolution.path("by_operation")) {
            byOperation += op.path("attempted").asLong();
        }
        assertThat(byOperation).isEqualTo(7);
        // the cheap checks come before the judge: only the four candidates that passed them were judged
        assertThat(teacher.promptsContaining(EvolTeacherStubs.JUDGE)).hasSize(4);
    }

    @Test
    void everyOperationSendsItsOwnTemplateAndIsRecordedOnTheExample() throws IOException {
        String[] instructions = new String[24];
        for (int i = 0; i < instructions.length; i++) {
            instructions[i] = "Describe item number " + i + " of the museum catalogue.";
        }
        Path input = seeds(instructions);
        Map<String, String> phraseByOperation = Map.of(
                "add-constraints", EvolTeacherStubs.ADD_CONSTRAINTS, "deepen", EvolTeacherStubs.DEEPEN,
                "concretize", EvolTeacherStubs.CONCRETIZE, "increase-reasoning", EvolTeacherStubs.INCREASE_REASONING,
                "complicate-input", EvolTeacherStubs.COMPLICATE_INPUT, "breadth", EvolTeacherStubs.BREADTH);
        phraseByOperation.forEach((op, phrase) -> teacher.onRewrite(phrase, "",
                "Evolved by " + op + ": describe one museum item, citing one source.", "stop"));

        int exit = run(input, dir.resolve("run"), "--rounds", "1");

        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> examples = JsonLines.readIfExists(dir.resolve("run/examples.jsonl"));
        assertThat(examples).hasSize(24);
        Set<String> operations = new HashSet<>();
        for (JsonNode e : examples) {
            String op = e.path("provenance").path("evolution").path("operation").asText();
            operations.add(op);
            assertThat(e.path("instruction").asText()).startsWith("Evolved by " + op + ":");
            assertThat(e.path("provenance").path("prompts").path("evolve").asText())
                    .startsWith("evol/" + op + ".txt@");
        }
        assertThat(operations).containsExactlyInAnyOrderElementsOf(phraseByOperation.keySet());
        phraseByOperation.values().forEach(phrase -> assertThat(teacher.promptsContaining(phrase)).isNotEmpty());
    }

    /** Three inputs, four rounds; the first evolution of seed_task_0 is judged Equal and goes back to the pool. */
    private Path chainScript() throws IOException {
        String[] roots = {"Describe how bees make honey.", "List three uses of copper.",
                "Explain why leaves change colour."};
        for (String root : roots) {
            String parent = root;
            for (int round = 1; round <= 4; round++) {
                String child = parent + " Step " + round + " adds detail.";
                teacher.onRewrite(parent, child);
                parent = child;
            }
        }
        teacher.onJudge("Describe how bees make honey. Step 1 adds detail.", "Equal", "Not Equal");
        return seeds(roots);
    }

    @Test
    void evolvesForEveryRoundWithLineageAndReturnsFailedEvolutionsToThePool() throws IOException {
        Path input = chainScript();

        int exit = run(input, dir.resolve("run"), "--keep-originals");

        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> examples = JsonLines.readIfExists(dir.resolve("run/examples.jsonl"));
        Map<String, JsonNode> byId = new HashMap<>();
        examples.forEach(e -> byId.put(e.path("id").asText(), e));
        assertThat(byId.keySet()).containsExactlyInAnyOrder("seed_task_0", "seed_task_1", "seed_task_2",
                "seed_task_0.r2", "seed_task_0.r3", "seed_task_0.r4",
                "seed_task_1.r1", "seed_task_1.r2", "seed_task_1.r3", "seed_task_1.r4",
                "seed_task_2.r1", "seed_task_2.r2", "seed_task_2.r3", "seed_task_2.r4");
        for (JsonNode e : examples) {
            JsonNode p = e.path("provenance");
            if (e.path("method").asText().equals("seed")) {
                assertThat(p.has("evolution")).isFalse();
                continue;
            }
            String parent = p.path("parents").get(0).asText();
            assertThat(byId).containsKey(parent);
            int round = p.path("evolution").path("round").asInt();
            JsonNode parentNode = byId.get(parent);
            if (parentNode.path("method").asText().equals("evol-instruct")) {
                assertThat(parentNode.path("provenance").path("evolution").path("round").asInt()).isLessThan(round);
            }
            assertThat(e.path("license").path("license").asText()).isEqualTo("CC0-1.0");
            assertThat(e.path("output").asText()).isNotBlank();
        }
        // the failed round-1 evolution went back to the pool: round 2 evolved the original again
        assertThat(byId.get("seed_task_0.r2").path("provenance").path("parents").get(0).asText())
                .isEqualTo("seed_task_0");
        assertThat(byId.get("seed_task_0.r2").path("instruction").asText())
                .isEqualTo("Describe how bees make honey. Step 1 adds detail.");
        assertThat(teacher.promptsContaining("<<<\nDescribe how bees make honey.\n>>>")
                .stream().filter(p -> p.contains(EvolTeacherStubs.ANY_REWRITE))).hasSize(2);

        List<JsonNode> rejected = JsonLines.readIfExists(dir.resolve("run/rejected.jsonl"));
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.path("id").asText()).isEqualTo("seed_task_0.r1");
            assertThat(r.path("reason").asText()).isEqualTo("no_information_gain");
            assertThat(r.path("detail").asText()).isEqualTo("judge: Equal");
            assertThat(r.path("parents").get(0).asText()).isEqualTo("seed_task_0");
        });
        JsonNode stats = json(dir.resolve("run/stats.json"));
        assertThat(stats.path("status").asText()).isEqualTo("completed");
        assertThat(stats.path("proposed").asInt()).isEqualTo(12);
        assertThat(stats.path("accepted").asInt()).isEqualTo(14);
        JsonNode evolution = stats.path("evolution");
        assertThat(evolution.path("attempted").asInt()).isEqualTo(12);
        assertThat(evolution.path("accepted").asInt()).isEqualTo(11);
        assertThat(evolution.path("eliminated").path("no_information_gain").asInt()).isEqualTo(1);
        assertThat(evolution.path("by_round").path("1").path("eliminated").path("no_information_gain").asInt())
                .isEqualTo(1);
        assertThat(evolution.path("by_round").path("4").path("accepted").asInt()).isEqualTo(3);
        assertThat(stats.path("rejected").path("no_information_gain").asInt()).isEqualTo(1);
        JsonNode manifest = json(dir.resolve("run/manifest.json"));
        assertThat(manifest.path("command").asText()).isEqualTo("evol-instruct");
        assertThat(manifest.path("prompts").path("evol/equality-judge.txt").asText()).matches("[0-9a-f]{64}");
        assertThat(manifest.path("settings").path("rounds").asInt()).isEqualTo(4);
    }

    @Test
    void aRunStoppedByItsTokenBudgetResumesToTheSameCompleteSet() throws IOException {
        Path input = chainScript();
        Path runDir = dir.resolve("run");

        int first = run(input, runDir, "--concurrency", "1", "--max-tokens", "150", "--keep-originals");
        assertThat(first).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("rerun with a higher --max-tokens to continue");
        int before = JsonLines.readIfExists(runDir.resolve("examples.jsonl")).size();
        assertThat(before).isBetween(4, 13);

        int second = run(input, runDir, "--concurrency", "1", "--keep-originals");
        assertThat(second).as(err.toString()).isZero();
        assertThat(err.toString()).contains("resuming run");
        List<String> ids = JsonLines.readIfExists(runDir.resolve("examples.jsonl")).stream().map(e -> e.path("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(3 + 11)
                .contains("seed_task_0", "seed_task_0.r2", "seed_task_0.r4", "seed_task_2.r4");
        assertThat(json(runDir.resolve("stats.json")).path("evolution").path("attempted").asInt()).isEqualTo(12);
    }

    @Test
    void evolvingAnEarlierRunInheritsEachInputsWholeLicenseBlock() throws IOException {
        Path seeds = chainScript();
        assertThat(run(seeds, dir.resolve("first"), "--rounds", "1", "--model", "teacher-one")).isZero();
        List<String> firstIds = JsonLines.readIfExists(dir.resolve("first/examples.jsonl")).stream()
                .map(e -> e.path("id").asText()).toList();
        assertThat(firstIds).containsExactlyInAnyOrder("seed_task_1.r1", "seed_task_2.r1");

        int exit = run(dir.resolve("first"), dir.resolve("second"), "--rounds", "1");

        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> examples = JsonLines.readIfExists(dir.resolve("second/examples.jsonl"));
        assertThat(examples).extracting(e -> e.path("id").asText())
                .containsExactlyInAnyOrder("seed_task_1.r1.r1", "seed_task_2.r1.r1");
        for (JsonNode e : examples) {
            List<String> teachers = new ArrayList<>();
            e.path("license").path("sources").forEach(src -> {
                if (src.path("kind").asText().equals("teacher")) {
                    teachers.add(src.path("model").asText());
                }
            });
            assertThat(teachers).contains("teacher-one", "evol-test");
            assertThat(e.path("license").path("license").asText()).isEqualTo("CC0-1.0");
            assertThat(e.path("provenance").path("parents").get(0).asText()).isIn(firstIds);
            // issue 17 #19: the earlier run's examples.jsonl is not a seed set; the original seed file is
            List<String> seedNames = new ArrayList<>();
            e.path("license").path("sources").forEach(src -> {
                if (src.path("kind").asText().equals("seed")) {
                    seedNames.add(src.path("name").asText());
                }
            });
            assertThat(seedNames).containsExactly(seeds.getFileName().toString());
        }
        String card = Files.readString(dir.resolve("second/DATASET_CARD.md"));
        assertThat(card).contains(seeds.getFileName().toString()).doesNotContain("examples.jsonl (");
    }

    @Test
    void evolvesThroughOllamasNativeChatApiToo() throws IOException {
        server.resetAll();
        teacher = new EvolTeacherStubs(server, true);
        teacher.defaults();
        Path input = chainScript();
        List<String> args = new ArrayList<>(List.of("evol-instruct", "--input", input.toString(),
                "--out", dir.resolve("run").toString(), "--teacher-api", "ollama", "--teacher-url", server.baseUrl(),
                "--model", "evol-test", "--rounds", "2", "--timeout", "5s"));

        int exit = InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(JsonLines.readIfExists(dir.resolve("run/examples.jsonl"))).extracting(e -> e.path("id").asText())
                .containsExactlyInAnyOrder("seed_task_0.r2", "seed_task_1.r1", "seed_task_1.r2", "seed_task_2.r1",
                        "seed_task_2.r2");
        assertThat(JsonLines.readIfExists(dir.resolve("run/rejected.jsonl"))).extracting(r -> r.path("detail").asText())
                .containsExactly("judge: Equal");
        assertThat(json(dir.resolve("run/stats.json")).path("tokens").path("prompt").asInt()).isPositive();
    }

    @Test
    void withoutTheEqualityJudgeNoJudgeRequestIsSent() throws IOException {
        Path input = chainScript();

        int exit = run(input, dir.resolve("run"), "--rounds", "2", "--no-equality-judge");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(teacher.promptsContaining(EvolTeacherStubs.JUDGE)).isEmpty();
        assertThat(JsonLines.readIfExists(dir.resolve("run/examples.jsonl"))).hasSize(6);
    }

    @Test
    void theCardOfAnEvolvedRunNamesTheOriginalSeedFileNotTheInputRun() throws IOException {
        Path seeds = chainScript();
        assertThat(run(seeds, dir.resolve("first"), "--rounds", "1", "--model", "teacher-one")).isZero();

        assertThat(run(dir.resolve("first"), dir.resolve("second"), "--rounds", "1")).as(err.toString()).isZero();

        String card = Files.readString(dir.resolve("second/DATASET_CARD.md"));
        String seedSection = card.substring(card.indexOf("## Seed"), card.indexOf("\n## ", card.indexOf("## Seed") + 1));
        assertThat(seedSection).contains("seed_tasks.jsonl").doesNotContain("examples.jsonl");
    }

    @Test
    void resumesWhenTheSameInputFileIsNamedByAnotherPath() throws IOException {
        Path input = chainScript();
        assertThat(run(input, dir.resolve("run"), "--rounds", "1", "--target", "1")).isZero();
        Path other = Path.of("").toAbsolutePath().relativize(input.toAbsolutePath());

        int exit = run(other, dir.resolve("run"), "--rounds", "1", "--target", "2");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("resuming run");
    }

    @Test
    void pointingAtAnotherCommandsRunIsRefusedInOneLine() throws IOException {
        Path input = chainScript();
        assertThat(run(input, dir.resolve("run"), "--rounds", "1")).isZero();
        err.getBuffer().setLength(0);

        int exit = InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("self-instruct", "--seeds", input.toString(), "--out", dir.resolve("run").toString(),
                        "--teacher-url", server.baseUrl() + "/v1", "--model", "evol-test", "--target", "3");

        assertThat(exit).isEqualTo(2);
        List<String> refusal = err.toString().lines().filter(l -> !l.startsWith("warning:")).toList();
        assertThat(refusal).hasSize(1);
        assertThat(refusal.get(0)).contains("command evol-instruct -> self-instruct").hasSizeLessThan(300);
    }

    @Test
    void aRerunWithOtherSettingsRefusesNamingTheDifference() throws IOException {
        Path input = chainScript();
        assertThat(run(input, dir.resolve("run"), "--rounds", "1")).isZero();

        int exit = run(input, dir.resolve("run"), "--rounds", "2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("rounds 1 -> 2");
    }

    @Test
    void aModelTheServerDoesNotKnowEndsTheRunWithExitOneAndAOneLineMessage() throws IOException {
        server.resetAll();
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(EvolTeacherStubs.PATH)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"model 'evol-test' not found\"}}")));
        Path input = seeds("Name a colour.", "Add 2 and 3.");

        int exit = run(input, dir.resolve("run"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("error: ").contains("404");
        assertThat(server.getAllServeEvents()).hasSizeLessThanOrEqualTo(2);
        assertThat(Files.exists(dir.resolve("run/checkpoints/evol-chains.json"))).isTrue();
    }

    @Test
    void writesADatasetCardAndSaysWhereTheExamplesAre() throws IOException {
        Path input = chainScript();

        int exit = run(input, dir.resolve("run"), "--rounds", "1");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("done: evolved").contains("examples.jsonl");
        assertThat(Files.readString(dir.resolve("run/DATASET_CARD.md"))).containsIgnoringCase("evol");
    }

    @Test
    void aDryRunCountsTheRequestsWithoutSendingAny() throws IOException {
        Path input = seeds("Name a colour.", "Add 2 and 3.");

        int exit = run(input, dir.resolve("run"), "--dry-run", "--rounds", "3");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("evolutions        6 (2 inputs x 3 rounds)")
                .contains("requests          at most 18").contains("estimated cost");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesAnInputWhoseIdsRepeatNamingFileAndLine() throws IOException {
        Path input = dir.resolve("dupes.jsonl");
        Files.writeString(input, """
                {"instruction": "Name a colour.", "input": "", "output": "Red.", "id": "x"}
                {"instruction": "Name a fruit.", "input": "", "output": "Fig.", "id": "x"}
                """);

        int exit = run(input, dir.resolve("run"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("dupes.jsonl:2").contains("duplicate id 'x'");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void usesAnOverriddenTemplateAndRefusesABrokenOneBeforeAnyRequest() throws IOException {
        Path input = chainScript();
        Path prompts = Files.createDirectories(dir.resolve("prompts/evol"));
        Files.writeString(prompts.resolve("response.txt"), "Answer briefly: ${instruction}");
        assertThat(run(input, dir.resolve("ok"), "--rounds", "1", "--prompts", dir.resolve("prompts").toString()))
                .isZero();
        assertThat(teacher.promptsContaining("Answer briefly: ")).hasSize(2);

        Files.writeString(prompts.resolve("response.txt"), "Answer ${question}");
        server.resetRequests();
        int exit = run(input, dir.resolve("broken"), "--prompts", dir.resolve("prompts").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("response.txt").contains("question");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aConfigFileSetsTheSamplingOfRewritesAndAnswersSeparately() throws IOException {
        Path input = chainScript();
        Path config = dir.resolve("evol.yaml");
        Files.writeString(config, """
                rounds: 1
                sampling:
                  evolve: {temperature: 0.7}
                  response: {max-tokens: 64}
                """);

        int exit = run(input, dir.resolve("run"), "--config", config.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> bodies = new ArrayList<>();
        for (var r : server.getAllServeEvents()) {
            if (!r.getRequest().getMethod().getName().equals("POST")) {
                continue; // the model-list check before the run
            }
            bodies.add(JsonCodec.mapper().readTree(r.getRequest().getBodyAsString()));
        }
        assertThat(bodies).filteredOn(b -> b.toString().contains(EvolTeacherStubs.ANY_REWRITE))
                .isNotEmpty().allSatisfy(b -> assertThat(b.path("temperature").asDouble()).isEqualTo(0.7));
        assertThat(bodies).filteredOn(b -> !b.toString().contains(EvolTeacherStubs.ANY_REWRITE)
                        && !b.toString().contains(EvolTeacherStubs.JUDGE))
                .hasSize(2).allSatisfy(b -> assertThat(b.path("max_tokens").asInt()).isEqualTo(64));
        assertThat(json(dir.resolve("run/manifest.json")).path("settings").path("sampling").path("response")
                .asText()).contains("max_tokens 64");
    }

    @Test
    void rejectsUnknownOperationWeightsAsBadUsage() throws IOException {
        Path input = seeds("Name a colour.");
        int exit = run(input, dir.resolve("run"), "--operation-weights", "widen=2");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown evolution operation 'widen'");
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
