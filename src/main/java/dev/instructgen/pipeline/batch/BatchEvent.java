package dev.instructgen.pipeline.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of batches.jsonl, the journal of batch mode (docs/run-directory.md, "batches.jsonl"): written before
 * and after every call to the server, so a process killed at any moment knows on restart what the server has.
 * The one schema of that file, written and read by this record.
 *
 * @param event    one of the constants below
 * @param batch    our name of the batch, e.g. "b0003" (its files in the run directory are named after it)
 * @param fileId   the server's id of the uploaded input file
 * @param batchId  the server's id of the batch
 * @param state    the server's state ({@link BatchState#key()}) for {@link #SUBMITTED} and {@link #STATE}
 * @param items    the requests of the batch, for {@link #PREPARED}
 * @param failures failed requests by kind, for {@link #COLLECTED}
 * @param detail   a reason, for {@link #ABANDONED} and failed batches
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"event", "at", "batch", "file_id", "batch_id", "state", "output_file_id", "error_file_id",
        "counts", "items", "failures", "detail"})
public record BatchEvent(String event, Instant at, String batch,
                         @JsonProperty("file_id") String fileId,
                         @JsonProperty("batch_id") String batchId,
                         String state,
                         @JsonProperty("output_file_id") String outputFileId,
                         @JsonProperty("error_file_id") String errorFileId,
                         Counts counts, List<Item> items, Map<String, Long> failures, String detail) {

    /** The input file is written to the run directory; nothing has been sent. */
    public static final String PREPARED = "prepared";
    /** The upload is about to start. */
    public static final String UPLOADING = "uploading";
    /** The server has the input file ({@code file_id}). */
    public static final String UPLOADED = "uploaded";
    /** The batch is about to be created over {@code file_id}: after a kill here the server is asked. */
    public static final String SUBMITTING = "submitting";
    /** The server created the batch ({@code batch_id}): its requests are paid for. */
    public static final String SUBMITTED = "submitted";
    /** The batch moved to another {@code state} (with its request counts). */
    public static final String STATE = "state";
    /** Its output and error files are about to be downloaded. */
    public static final String DOWNLOADING = "downloading";
    /** The answers are in the run directory and were handed on and counted. */
    public static final String COLLECTED = "collected";
    /** Never created on the server (a kill before it was): its requests may be sent again. */
    public static final String ABANDONED = "abandoned";

    /** A request of a batch: its custom_id and the pipeline stage that asked it. */
    public record Item(String id, String stage) {
    }

    /** Requests of a batch: all, answered, failed. */
    public record Counts(long total, long completed, long failed) {
    }

    public BatchEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(batch, "batch");
        items = items == null ? null : List.copyOf(items);
        failures = failures == null ? null : Map.copyOf(failures);
    }

    static BatchEvent of(String event, Instant at, String batch) {
        return new BatchEvent(event, at, batch, null, null, null, null, null, null, null, null, null);
    }

    BatchEvent withFile(String id) {
        return new BatchEvent(event, at, batch, id, batchId, state, outputFileId, errorFileId, counts, items,
                failures, detail);
    }

    BatchEvent withBatch(BatchInfo info) {
        return new BatchEvent(event, at, batch, fileId, info.id(), info.state().key(), info.outputFileId(),
                info.errorFileId(), new Counts(info.total(), info.completed(), info.failed()), items, failures,
                info.errors() != null ? info.errors() : detail);
    }

    BatchEvent withItems(List<Item> list) {
        return new BatchEvent(event, at, batch, fileId, batchId, state, outputFileId, errorFileId, counts, list,
                failures, detail);
    }

    BatchEvent withFailures(Counts answered, Map<String, Long> byKind) {
        return new BatchEvent(event, at, batch, fileId, batchId, state, outputFileId, errorFileId, answered, items,
                byKind, detail);
    }

    BatchEvent withDetail(String text) {
        return new BatchEvent(event, at, batch, fileId, batchId, state, outputFileId, errorFileId, counts, items,
                failures, text);
    }
}
