package dev.instructgen.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.JsonCodec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a run directory of any size the way a run would leave it (manifest, stats, examples with seeds,
 * Self-Instruct and Evol-Instruct records, rejected candidates), from a fixed seed, for the report and review
 * tests and the report benchmark. Nothing it writes is committed.
 */
public final class SyntheticRunDirectory {

    private static final List<String> VERBS = List.of("Write", "Generate", "Explain", "Describe", "Create",
            "Find", "Classify", "Summarize", "List", "Give", "Translate", "Identify");
    private static final List<String> OBJECTS = List.of("a poem", "a list", "a story", "the difference",
            "a sentence", "a function", "an essay", "the sentiment", "a summary", "a recipe", "a letter",
            "the number");
    private static final List<String> TOPICS = List.of("about the sea", "for a child", "of five animals",
            "between two words", "in Python", "about friendship", "of the review", "for dinner",
            "to a colleague", "in the text", "about climate", "of a city");
    public static final List<String> REASONS = List.of("rouge-l-too-similar", "too-short", "keyword-blacklist",
            "empty-output");

    /** How many records of each kind were written. */
    public record Counts(int seeds, int generated, int evolved, int rejected) {
        public int examples() {
            return seeds + generated + evolved;
        }
    }

    private SyntheticRunDirectory() {
    }

    public static Counts write(Path dir, int examples) {
        int seeds = Math.min(20, Math.max(2, examples / 50));
        int evolved = examples / 5;
        int generated = examples - seeds - evolved;
        int rejected = examples / 2;
        SplittableRandom random = new SplittableRandom(7);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("manifest.json"), """
                    {"tool_version":"0.1.0","command":"self-instruct","run_id":"synthetic-run",\
                    "settings":{"model":"llama3.1:8b","rouge-threshold":0.7},"limits":{"target":%d},\
                    "seeds":{"path":"seed_tasks.jsonl","sha256":"%s"},"prompts":{},\
                    "teacher":{"api":"openai","model":"llama3.1:8b","host":"localhost:8000"},\
                    "license_policy":{"require_commercial":false,"seeds_license":"Apache-2.0"},\
                    "started_at":"2026-11-21T22:00:00Z","random_seed":42}
                    """.formatted(examples, "a".repeat(64)));
            Files.writeString(dir.resolve("stats.json"), """
                    {"command":"self-instruct","status":"finished","stop_reason":"target reached",\
                    "started_at":"2026-11-21T22:00:00Z","updated_at":"2026-11-21T23:00:00Z","elapsed_seconds":3600,\
                    "target":%d,"accepted":%d,"proposed":%d,"requests":{"total":%d,"succeeded":%d},\
                    "tokens":{"prompt":%d,"completion":%d},"cost_usd":1.25,\
                    "throughput":{"accepted_per_second":%.3f,"requests_per_second":1.0},\
                    "evolution":{"attempted":%d,"accepted":%d,"eliminated":{"no-information-gain":%d,"apology":%d}}}
                    """.formatted(examples, examples, examples + rejected, examples * 2, examples * 2,
                    examples * 300L, examples * 120L, examples / 3600.0, evolved * 2, evolved, evolved / 2,
                    evolved / 2));
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("examples.jsonl"), StandardCharsets.UTF_8)) {
                for (int i = 0; i < examples; i++) {
                    String method = i < seeds ? "seed" : i < seeds + generated ? "self-instruct" : "evol-instruct";
                    out.write(JsonCodec.mapper().writeValueAsString(example(i, examples, method, random)));
                    out.write('\n');
                }
            }
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("rejected.jsonl"), StandardCharsets.UTF_8)) {
                for (int i = 0; i < rejected; i++) {
                    ObjectNode r = JsonCodec.mapper().createObjectNode();
                    r.put("id", "cand-" + i);
                    r.put("stage", i % 3 == 0 ? "novelty" : "instruction-filter");
                    r.put("reason", REASONS.get(i % REASONS.size()));
                    r.put("detail", "synthetic rejection " + i);
                    r.put("instruction", instruction(random));
                    r.put("output", "short");
                    r.put("created_at", "2026-11-21T22:10:00.000Z");
                    out.write(JsonCodec.mapper().writeValueAsString(r));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Counts(seeds, generated, evolved, rejected);
    }

    private static ObjectNode example(int i, int total, String method, SplittableRandom random) {
        ObjectNode e = JsonCodec.mapper().createObjectNode();
        e.put("id", method.equals("seed") ? "seed_task_" + i : "ex-" + i);
        e.put("instruction", instruction(random));
        e.put("input", random.nextInt(3) == 0 ? "" : "Some input text " + words(random, 3, 30));
        e.put("output", words(random, 5, 120));
        e.put("method", method);
        e.put("task_id", "task-" + (i / 3));
        e.put("is_classification", random.nextInt(5) == 0);
        ObjectNode p = e.putObject("provenance");
        p.put("run_id", "synthetic-run");
        int minute = (int) Math.min(59, (long) i * 60 / Math.max(1, total));
        p.put("created_at", String.format("2026-11-21T22:%02d:%02d.000Z", minute, i % 60));
        p.putObject("teacher").put("api", "openai").put("model", "llama3.1:8b").put("host", "localhost:8000");
        p.putObject("prompts");
        p.putArray("parents");
        if (method.equals("evol-instruct")) {
            p.putObject("evolution").put("round", 1 + random.nextInt(4))
                    .put("operation", List.of("add-constraints", "deepen", "concretize", "breadth").get(random.nextInt(4)));
        }
        if (!method.equals("seed")) {
            p.putObject("novelty").put("rouge_l_max", Math.round(random.nextDouble(0.05, 0.7) * 1000) / 1000.0)
                    .put("most_similar", "seed_task_0");
            p.putObject("usage").put("prompt_tokens", 300 + minute).put("completion_tokens", 120);
        }
        ObjectNode license = e.putObject("license");
        license.put("license", i % 10 == 0 ? "CC-BY-NC-4.0" : "Apache-2.0");
        license.put("commercial_use", i % 10 != 0);
        license.putArray("restrictions");
        license.putArray("sources").addObject().put("kind", "seed").put("name", "seed_tasks.jsonl")
                .put("license", "Apache-2.0");
        return e;
    }

    private static String words(SplittableRandom random, int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        return n == 0 ? "" : PseudoText.sentence(random, n);
    }

    private static String instruction(SplittableRandom random) {
        return VERBS.get(random.nextInt(VERBS.size())) + " " + OBJECTS.get(random.nextInt(OBJECTS.size())) + " "
                + TOPICS.get(random.nextInt(TOPICS.size())) + " " + words(random, 0, 8) + ".";
    }
}
