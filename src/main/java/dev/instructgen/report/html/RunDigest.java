package dev.instructgen.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the report draws, gathered in one pass over a run's files by {@link RunDigestReader}. Counts are
 * of whole journal lines; the manifest and stats.json are kept as JSON trees, read field by field, so a run
 * of an older or newer version still gets a report.
 */
final class RunDigest {

    JsonNode manifest = MissingNode.getInstance();
    JsonNode stats = MissingNode.getInstance();
    boolean statsHistory;

    long examples;
    long rejected;
    final Map<String, Long> byMethod = new TreeMap<>();
    final Lengths kept = new Lengths();
    final Lengths dropped = new Lengths();

    /** provenance.novelty.rouge_l_max: the score against the pool (seeds and earlier examples) at acceptance. */
    final List<Double> noveltyToPool = new ArrayList<>();
    /** Recomputed here: ROUGE-L of each generated instruction to its most similar seed instruction. */
    double[] noveltyToSeed = new double[0];

    final Map<String, Long> rejectedByReason = new TreeMap<>();
    final Map<String, Map<String, Long>> rejectedByStage = new TreeMap<>();

    long classification;
    long notClassification;
    final Map<String, Integer> instancesPerTask = new LinkedHashMap<>();
    final Map<String, Long> evolOperations = new TreeMap<>();
    final Map<Integer, Long> evolRounds = new TreeMap<>();
    final Map<Integer, Long> turns = new TreeMap<>();
    final Map<String, Long> sources = new TreeMap<>();
    final List<Double> scores = new ArrayList<>();

    final Map<String, Long> licenses = new TreeMap<>();
    final Map<String, Long> commercialUse = new TreeMap<>();
    final Map<String, Long> teachers = new TreeMap<>();

    /** Accepted examples and tokens per minute of created_at (UTC, "yyyy-MM-ddTHH:mm"). */
    final Map<String, long[]> perMinute = new TreeMap<>();

    /** Distinct instructions of generated (not seed) examples, and of the seeds, in file order. */
    final List<String> generatedInstructions = new ArrayList<>();
    final List<String> seedInstructions = new ArrayList<>();

    final List<ObjectNode> sample = new ArrayList<>();
    Map<String, Long> reviewed = Map.of();

    /** Word counts of instruction, input and output. */
    static final class Lengths {
        final IntList instruction = new IntList();
        final IntList input = new IntList();
        final IntList output = new IntList();

        void add(JsonNode record) {
            instruction.add(words(record.path("instruction").asText("")));
            input.add(words(record.path("input").asText("")));
            output.add(words(record.path("output").asText("")));
        }
    }

    /** A growable int array: 150,000 boxed Integers would be most of the heap this needs. */
    static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }

        int size() {
            return size;
        }
    }

    /** Whitespace-separated words, as the Self-Instruct paper's length figure counts them. */
    static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }
}
