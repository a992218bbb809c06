package dev.instructgen.pipeline.batch;

import java.util.Objects;

/**
 * What the server says about one batch: its id, state, files and request counts.
 *
 * @param outputFileId the file of answered requests, null until the batch ends (or when none were answered)
 * @param errorFileId  the file of requests that failed, null when none did
 * @param errors       the server's reason for a failed batch (validation errors), null otherwise
 */
public record BatchInfo(String id, BatchState state, String inputFileId, String outputFileId, String errorFileId,
                        long total, long completed, long failed, String errors) {

    public BatchInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }
}
