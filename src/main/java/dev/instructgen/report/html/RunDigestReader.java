package dev.instructgen.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.review.ReviewLedger;
import dev.instructgen.review.WholeLines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a run directory into a {@link RunDigest}: manifest.json and stats.json as JSON trees (tolerant of any
 * schema), examples.jsonl and rejected.jsonl line by line (whole lines only, so a run still writing can be
 * reported on), and reviews.jsonl through the {@link ReviewLedger}.
 */
final class RunDigestReader {

    static final int SAMPLE_SIZE = 300;

    private RunDigestReader() {
    }

    static RunDigest read(Path runDir) {
        RunDigest digest = new RunDigest();
        digest.manifest = tree(runDir.resolve("manifest.json"));
        digest.stats = tree(runDir.resolve("stats.json"));
        digest.statsHistory = Files.exists(runDir.resolve("stats-history.jsonl"));
        Set<String> generated = new HashSet<>();
        Set<String> seeds = new HashSet<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        long[] seen = {0};
        lines(runDir.resolve("examples.jsonl"), record -> {
            example(digest, record, generated, seeds);
            // A reservoir sample (Vitter's algorithm R) with a fixed seed: spread over the whole run, and the
            // same for the same file.
            long n = seen[0]++;
            if (n < SAMPLE_SIZE) {
                digest.sample.add(record);
            } else {
                long slot = random.nextLong(n + 1);
                if (slot < SAMPLE_SIZE) {
                    digest.sample.set((int) slot, record);
                }
            }
        });
        lines(runDir.resolve("rejected.jsonl"), record -> rejection(digest, record));
        digest.reviewed = ReviewLedger.load(runDir).exampleCounts();
        return digest;
    }

    private static void example(RunDigest d, JsonNode e, Set<String> generated, Set<String> seeds) {
        d.examples++;
        String method = e.path("method").asText("unknown");
        d.byMethod.merge(method, 1L, Long::sum);
        d.kept.add(e);
        String instruction = e.path("instruction").asText("");
        if (method.equals("seed")) {
            if (seeds.add(instruction)) {
                d.seedInstructions.add(instruction);
            }
        } else if (generated.add(instruction)) {
            d.generatedInstructions.add(instruction);
        }
        JsonNode provenance = e.path("provenance");
        JsonNode rouge = provenance.path("novelty").path("rouge_l_max");
        if (rouge.isNumber() && !method.equals("seed")) {
            d.noveltyToPool.add(rouge.asDouble());
        }
        if (method.equals("self-instruct")) {
            if (e.path("is_classification").asBoolean(false)) {
                d.classification++;
            } else {
                d.notClassification++;
            }
        }
        String task = e.path("task_id").asText("");
        if (!task.isEmpty() && !method.equals("seed")) {
            d.instancesPerTask.merge(task, 1, Integer::sum);
        }
        JsonNode evolution = provenance.path("evolution");
        if (evolution.isObject()) {
            d.evolOperations.merge(evolution.path("operation").asText("unknown"), 1L, Long::sum);
            d.evolRounds.merge(evolution.path("round").asInt(0), 1L, Long::sum);
        }
        JsonNode conversation = e.has("conversations") ? e.get("conversations") : e.get("messages");
        if (conversation != null && conversation.isArray()) {
            d.turns.merge(conversation.size(), 1L, Long::sum);
        }
        JsonNode source = provenance.has("source") ? provenance.get("source") : e.get("source");
        if (source != null && source.isValueNode()) {
            d.sources.merge(source.asText(), 1L, Long::sum);
        }
        JsonNode score = e.has("score") ? e.get("score") : e.path("judge").get("score");
        if (score != null && score.isNumber()) {
            d.scores.add(score.asDouble());
        }
        JsonNode license = e.path("license");
        d.licenses.merge(license.path("license").asText("not recorded"), 1L, Long::sum);
        JsonNode commercial = license.path("commercial_use");
        d.commercialUse.merge(commercial.isBoolean() ? (commercial.asBoolean() ? "yes" : "no") : "unknown", 1L,
                Long::sum);
        String teacher = provenance.path("teacher").path("model").asText("");
        if (!teacher.isEmpty() && !method.equals("seed")) {
            d.teachers.merge(teacher, 1L, Long::sum);
        }
        String created = provenance.path("created_at").asText("");
        if (created.length() >= 16 && !method.equals("seed")) {
            long[] minute = d.perMinute.computeIfAbsent(created.substring(0, 16), k -> new long[2]);
            minute[0]++;
            JsonNode usage = provenance.path("usage");
            minute[1] += usage.path("prompt_tokens").asLong(0) + usage.path("completion_tokens").asLong(0);
        }
    }

    private static void rejection(RunDigest d, JsonNode r) {
        d.rejected++;
        String reason = r.path("reason").asText("unknown");
        d.rejectedByReason.merge(reason, 1L, Long::sum);
        d.rejectedByStage.computeIfAbsent(r.path("stage").asText("unknown"), k -> new java.util.TreeMap<>())
                .merge(reason, 1L, Long::sum);
        d.dropped.add(r);
    }

    private static void lines(Path file, Consumer<ObjectNode> sink) {
        WholeLines.read(file, 0, line -> {
            if (line.isBlank()) {
                return;
            }
            try {
                JsonNode node = JsonCodec.mapper().readTree(line);
                if (node instanceof ObjectNode object) {
                    sink.accept(object);
                }
            } catch (IOException e) {
                // A damaged line is the run's own reader's to report (export, stats); the report draws the rest.
            }
        });
    }

    private static JsonNode tree(Path file) {
        try {
            JsonNode node = Files.isRegularFile(file) ? JsonCodec.mapper().readTree(file.toFile()) : null;
            return node != null && node.isObject() ? node : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        } catch (IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
