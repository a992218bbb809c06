package dev.instructgen.pipeline.batch;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.PromptRejectedException;
import dev.instructgen.teacher.RequestFailedException;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherReply;

/** What came back for one request line of a batch: a reply, or a failure of a kind. */
sealed interface ItemResult {

    String customId();

    /** The request was answered. */
    record Answered(String customId, TeacherReply reply) implements ItemResult {
    }

    /**
     * The request failed.
     *
     * @param kind      how stats count it: expired, cancelled, rate_limited, server_error, refused, batch_failed,
     *                  missing, malformed
     * @param fault     the nearest fault of the synchronous stack, for stats.json's faults
     * @param retriable whether a later batch may answer it (a refused prompt, HTTP 400, never will)
     */
    record Failed(String customId, String kind, FaultKind fault, boolean retriable, String message)
            implements ItemResult {

        /** What the caller gets once no attempt is left: the engine drops its job and carries on. */
        RequestFailedException asException() {
            return retriable ? new RetriableTeacherException(fault, message, null, null)
                    : new PromptRejectedException(fault, message, null);
        }
    }
}
