package dev.instructgen.pipeline.batch;

import java.io.IOException;
import java.util.Optional;

/**
 * The calls batch mode makes, as a port: {@link OpenAiBatchApi} speaks the OpenAI Batch API ({@code /v1/files},
 * {@code /v1/batches}); tests may pass a fake.
 *
 * <p>{@link IOException} means the call may not have reached the server or its answer was lost (worth another
 * attempt); {@link BatchRefusedException} means the server answered and refused (no attempt will help).
 */
public interface BatchApi {

    /** Uploads a batch input file ({@code purpose=batch}); returns the file id. */
    String upload(String fileName, byte[] jsonl) throws IOException;

    /** Creates a batch over an uploaded file, for {@code /v1/chat/completions} within 24h. */
    BatchInfo create(String inputFileId) throws IOException;

    /** The batch's current state. */
    BatchInfo retrieve(String batchId) throws IOException;

    /**
     * The batch created over this input file, if any: how a process killed while creating a batch learns whether
     * the server got the request before it died.
     */
    Optional<BatchInfo> findByInputFile(String inputFileId) throws IOException;

    /** The content of a file (an output or error file). */
    byte[] download(String fileId) throws IOException;

    /** The server answered and refused the call (HTTP 4xx other than 408/409/429). */
    final class BatchRefusedException extends RuntimeException {
        private final int status;

        public BatchRefusedException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
