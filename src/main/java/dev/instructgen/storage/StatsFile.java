package dev.instructgen.storage;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.instructgen.dataset.JsonCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema of stats.json, written and read by this one record. Field names are the file's schema: renaming
 * one breaks the pinned bytes of {@code StatsFileTest}, and a file whose field was renamed is refused by name
 * ({@link Unreadable}) instead of being read as zeros.
 *
 * <p>Reading is lenient in what a run that failed early or an older version leaves: a missing field is null, a
 * value of the wrong type (e.g. {@code "retries": "n/a"}) is null. It is strict in names: a top-level field that is
 * not in the schema and not a method section (an object, e.g. Evol-Instruct's "evolution") is an error, and so is
 * any unknown field inside {@code requests}, {@code tokens} or {@code throughput}.
 */
@JsonPropertyOrder({"command", "status", "stop_reason", "started_at", "updated_at", "elapsed_seconds", "target",
        "accepted", "proposed", "rejected", "requests", "faults", "tokens", "cost_usd", "cost_per_accepted_usd",
        "throughput"})
public record StatsFile(
        String command,
        String status,
        @JsonProperty("stop_reason") @JsonInclude(JsonInclude.Include.ALWAYS) String stopReason,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("elapsed_seconds") Double elapsedSeconds,
        Long target,
        Long accepted,
        Long proposed,
        Map<String, Long> rejected,
        Requests requests,
        Map<String, Long> faults,
        Tokens tokens,
        @JsonProperty("cost_usd") Double costUsd,
        @JsonProperty("cost_per_accepted_usd") @JsonInclude(JsonInclude.Include.ALWAYS) Double costPerAcceptedUsd,
        Throughput throughput,
        @JsonAnyGetter @JsonIgnore Map<String, Object> sections) {

    /** The top-level fields of the schema, in file order (read from the annotation above, so written once). */
    static final List<String> FIELDS = List.of(StatsFile.class.getAnnotation(JsonPropertyOrder.class).value());

    private static final ObjectMapper READER = lenientReader();

    /**
     * Method-specific sections (e.g. Evol-Instruct's "evolution") are written as further top-level fields after
     * the common ones. Null maps read from a partial file become empty, entries without a number are dropped.
     */
    public StatsFile {
        rejected = counts(rejected);
        faults = counts(faults);
        sections = sections == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** Teacher requests: attempts sent, requests that succeeded, retried attempts, requests failed for good. */
    @JsonPropertyOrder({"total", "succeeded", "retries", "failed", "by_stage"})
    public record Requests(Long total, Long succeeded, Long retries, Long failed,
                           @JsonProperty("by_stage") Map<String, Long> byStage) {

        public Requests {
            byStage = counts(byStage);
        }
    }

    /**
     * @param cached prompt tokens the server served from its prompt cache (part of {@code prompt}, billed at the
     *               cached rate); written only when some were, so files of runs without any keep their bytes
     */
    public record Tokens(Long prompt, Long completion,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long cached) {

        public Tokens(Long prompt, Long completion) {
            this(prompt, completion, null);
        }

        public long total() {
            return orZero(prompt) + orZero(completion);
        }
    }

    public record Throughput(@JsonProperty("accepted_per_second") Double acceptedPerSecond,
                             @JsonProperty("requests_per_second") Double requestsPerSecond) {
    }

    /**
     * The optional {@code quality} section of a run with an LLM judge ({@code --judge}): examples judged, kept and
     * unreadable, the kept share, and the score histogram in half points ("0.0" .. "5.0" to counts).
     */
    @JsonPropertyOrder({"judged", "kept", "unreadable", "kept_share", "histogram"})
    public record Quality(Long judged, Long kept, Long unreadable, @JsonProperty("kept_share") Double keptShare,
                          Map<String, Long> histogram) {

        public Quality {
            histogram = counts(histogram);
        }

        /** Whether more than {@code share} of the verdicts were unreadable. */
        public boolean unreadableAbove(double share) {
            return orZero(judged) > 0 && orZero(unreadable) > share * orZero(judged);
        }
    }

    /** The {@code quality} section, when the run had a judge (and the section reads as one). */
    @JsonIgnore
    public Optional<Quality> quality() {
        Object section = sections.get("quality");
        if (section == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonCodec.mapper().convertValue(section, Quality.class));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** stats.json holds something that is not this schema: garbage, or a field under another name. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Accepted per candidate judged, the one definition of yield for every display. Candidates judged are at
     * least accepted + rejected: examples that were never proposed (the originals Evol-Instruct's
     * --keep-originals copies) still count as judged, so the yield never passes 100%.
     *
     * @return null when nothing was judged yet
     */
    public static Double yield(long accepted, long rejected, long proposed) {
        long judged = Math.max(proposed, accepted + rejected);
        return judged == 0 ? null : (double) accepted / judged;
    }

    /** The file's bytes: pretty-printed JSON, as every whole file of the run directory. */
    public byte[] toBytes() {
        try {
            return JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write stats.json: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads {@code dir}/stats.json; empty when there is none. */
    public static Optional<StatsFile> read(Path dir) {
        Path file = dir.resolve(RunDirectory.STATS);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode tree;
        try {
            tree = JsonCodec.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new Unreadable(RunDirectory.STATS + " is not valid JSON ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
        return Optional.of(fromTree(tree));
    }

    /** Reads a stats.json tree (as the run directory hands it over on resume). */
    public static StatsFile fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new Unreadable(RunDirectory.STATS + " does not hold a JSON object");
        }
        ObjectNode common = ((ObjectNode) tree).deepCopy();
        Map<String, Object> sections = new LinkedHashMap<>();
        Set<String> names = Set.copyOf(FIELDS);
        for (String name : List.copyOf(tree.properties().stream().map(Map.Entry::getKey).toList())) {
            if (names.contains(name)) {
                continue;
            }
            if (!tree.get(name).isObject()) {
                throw new Unreadable(RunDirectory.STATS + ": unknown field \"" + name + "\" (expected one of "
                        + String.join(", ", FIELDS) + ", or a method section object)");
            }
            sections.put(name, common.remove(name));
        }
        try {
            StatsFile read = READER.treeToValue(common, StatsFile.class);
            return new StatsFile(read.command, read.status, read.stopReason, read.startedAt, read.updatedAt,
                    read.elapsedSeconds, read.target, read.accepted, read.proposed, read.rejected, read.requests,
                    read.faults, read.tokens, read.costUsd, read.costPerAcceptedUsd, read.throughput, sections);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new Unreadable(RunDirectory.STATS + ": " + String.valueOf(why).lines().findFirst().orElse(""));
        }
    }

    /** Numbers given as text or other shapes read as null rather than failing the whole file. */
    private static ObjectMapper lenientReader() {
        ObjectMapper mapper = JsonCodec.mapper().copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.AsNull)
                    .setCoercion(CoercionInputShape.Object, CoercionAction.AsNull)
                    .setCoercion(CoercionInputShape.Array, CoercionAction.AsNull)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.AsNull);
        }
        return mapper;
    }

    private static Map<String, Long> counts(Map<String, Long> values) {
        if (values == null) {
            return Map.of();
        }
        Map<String, Long> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
