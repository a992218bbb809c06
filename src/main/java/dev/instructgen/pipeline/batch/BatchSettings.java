package dev.instructgen.pipeline.batch;

import dev.instructgen.error.BadInputException;

import java.time.Duration;
import java.util.Objects;

/**
 * How batch mode batches.
 *
 * @param size      requests per batch at most ({@code --batch-size}); the OpenAI Batch API takes up to 50,000
 *                  requests (200 MB) per input file
 * @param quiet     a batch that is not full is sent once no new request arrived for this long ({@code --batch-wait})
 * @param firstPoll the first wait before asking the server about a batch; each later wait doubles
 * @param maxPoll   the longest wait between two polls ({@code --batch-poll})
 * @param fallback  failed requests are sent synchronously rather than in a later batch ({@code --batch-fallback})
 * @param attempts  how many batches one request may go in before it counts as failed (a first one and retries)
 */
public record BatchSettings(int size, Duration quiet, Duration firstPoll, Duration maxPoll, boolean fallback,
                            int attempts) {

    /** The API's own limit on requests per input file. */
    public static final int MAX_SIZE = 50_000;

    public BatchSettings {
        Objects.requireNonNull(quiet, "quiet");
        Objects.requireNonNull(firstPoll, "firstPoll");
        Objects.requireNonNull(maxPoll, "maxPoll");
        if (size < 1 || size > MAX_SIZE) {
            throw new BadInputException("--batch-size must be between 1 and " + MAX_SIZE
                    + " (the Batch API's limit per input file), was " + size);
        }
        if (quiet.isNegative() || quiet.isZero()) {
            throw new BadInputException("--batch-wait must be positive, was " + quiet);
        }
        if (maxPoll.isNegative() || maxPoll.isZero()) {
            throw new BadInputException("--batch-poll must be positive, was " + maxPoll);
        }
        if (attempts < 1) {
            throw new BadInputException("--batch-attempts must be at least 1, was " + attempts);
        }
        if (firstPoll.compareTo(maxPoll) > 0) {
            firstPoll = maxPoll;
        }
    }
}
