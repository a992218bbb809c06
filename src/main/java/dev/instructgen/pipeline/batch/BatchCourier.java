package dev.instructgen.pipeline.batch;

import dev.instructgen.pipeline.batch.BatchApi.BatchRefusedException;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.TeacherUnavailableException;
import dev.instructgen.teacher.resilience.Sleeper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Carries one batch from wherever its journal left it to its results: upload the input file, create the batch,
 * poll it with doubling waits until it ends, download its output and error files. Each step is journalled before
 * and after its call, so after a kill the next process resumes at the step that was under way: a batch whose
 * creation was in flight is looked up by its input file on the server (adopted if it exists, else abandoned, its
 * requests free to be sent again); a batch created is only ever polled and collected, never created twice.
 *
 * <p>A call that fails in transit (connection, 429, 5xx) is tried again after the poll wait; a refusal (4xx) ends
 * the batch with {@link BatchRefusedException}. Waits go through the {@link Sleeper} seam, so a stopping run
 * ends them at once (CancellationException) and tests never sleep.
 */
final class BatchCourier {

    private final BatchApi api;
    private final BatchJournal journal;
    private final BatchLedger ledger;
    private final BatchSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration patience;

    /** @param patience how long the server may stay unreachable before the run stops, resumable (--patience) */
    BatchCourier(BatchApi api, BatchJournal journal, BatchLedger ledger, BatchSettings settings, Clock clock,
                 Sleeper sleeper, Duration patience) {
        this.patience = patience;
        this.api = api;
        this.journal = journal;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The results of the batch, one per request, or null when the batch was never created on the server (it is
     * then journalled abandoned).
     *
     */
    List<ItemResult> carry(String name) {
        BatchLedger.Batch batch = ledger.get(name);
        if (batch.fileId == null) {
            byte[] input = journal.kept(name, "input").orElseThrow(() -> new IllegalStateException(
                    "batch " + name + " has no input file in the run directory"));
            record(BatchEvent.of(BatchEvent.UPLOADING, now(), name));
            String fileId = patiently(() -> api.upload(name + ".jsonl", input));
            record(BatchEvent.of(BatchEvent.UPLOADED, now(), name).withFile(fileId));
        }
        if (batch.batchId == null) {
            if (BatchEvent.SUBMITTING.equals(batch.lastEvent)) {
                // killed while the batch was being created: the server decides whether it exists
                var found = patiently(() -> api.findByInputFile(batch.fileId));
                if (found.isEmpty()) {
                    record(BatchEvent.of(BatchEvent.ABANDONED, now(), name).withFile(batch.fileId)
                            .withDetail("the process stopped while the batch was being created; the server has "
                                    + "no batch over " + batch.fileId));
                    return null;
                }
                record(BatchEvent.of(BatchEvent.SUBMITTED, now(), name).withFile(batch.fileId)
                        .withBatch(found.get()));
            } else {
                record(BatchEvent.of(BatchEvent.SUBMITTING, now(), name).withFile(batch.fileId));
                BatchInfo created = patiently(() -> api.create(batch.fileId));
                record(BatchEvent.of(BatchEvent.SUBMITTED, now(), name).withFile(batch.fileId).withBatch(created));
            }
        }
        BatchInfo info = poll(batch);
        return download(batch, info);
    }

    private BatchInfo poll(BatchLedger.Batch batch) {
        Duration wait = settings.firstPoll();
        BatchState last = batch.state;
        while (true) {
            BatchInfo info = patiently(() -> api.retrieve(batch.batchId));
            if (info.state() != last) {
                record(BatchEvent.of(BatchEvent.STATE, now(), batch.name).withBatch(info));
                last = info.state();
            }
            if (info.state().terminal()) {
                return info;
            }
            Sleeper.sleepOrCancel(sleeper, wait);
            wait = wait.multipliedBy(2).compareTo(settings.maxPoll()) > 0 ? settings.maxPoll() : wait.multipliedBy(2);
        }
    }

    private List<ItemResult> download(BatchLedger.Batch batch, BatchInfo info) {
        record(BatchEvent.of(BatchEvent.DOWNLOADING, now(), batch.name).withBatch(info));
        Duration latency = Duration.ZERO;
        List<ItemResult> results = new ArrayList<>();
        if (info.outputFileId() != null) {
            byte[] output = journal.kept(batch.name, "output").orElse(null);
            if (output == null) {
                output = patiently(() -> api.download(info.outputFileId()));
                journal.keep(batch.name, "output", output);
            }
            results.addAll(BatchLines.results(output, latency));
        }
        if (info.errorFileId() != null) {
            byte[] errors = journal.kept(batch.name, "errors").orElse(null);
            if (errors == null) {
                errors = patiently(() -> api.download(info.errorFileId()));
                journal.keep(batch.name, "errors", errors);
            }
            results.addAll(BatchLines.results(errors, latency));
        }
        Set<String> seen = new HashSet<>();
        results.forEach(r -> seen.add(r.customId()));
        for (BatchEvent.Item item : batch.items) {
            if (!seen.contains(item.id())) {
                results.add(info.state() == BatchState.FAILED
                        ? new ItemResult.Failed(item.id(), "batch_failed", FaultKind.SERVER_ERROR, true,
                                "the batch failed: " + (info.errors() == null ? "no reason given" : info.errors()))
                        : new ItemResult.Failed(item.id(), "missing", FaultKind.MALFORMED_RESPONSE, true,
                                "the batch ended " + info.state().key() + " without an answer for this request"));
            }
        }
        return results;
    }

    private void record(BatchEvent event) {
        journal.append(event);
        ledger.apply(event);
    }

    private Instant now() {
        return clock.instant();
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws IOException;
    }

    /**
     * The call, tried again after a wait while it fails in transit; a refusal or a stop ends it, and so does a
     * server unreachable for longer than --patience (TeacherUnavailableException: exit 3, resumable).
     */
    private <T> T patiently(Call<T> call) {
        Duration wait = settings.firstPoll();
        Instant firstFailure = null;
        while (true) {
            try {
                return call.call();
            } catch (IOException transit) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("the run is stopping");
                }
                if (firstFailure == null) {
                    firstFailure = now();
                } else if (Duration.between(firstFailure, now()).compareTo(patience) > 0) {
                    throw new TeacherUnavailableException("the batch API has failed for longer than --patience "
                            + patience + ": " + transit.getMessage(), transit);
                }
                Sleeper.sleepOrCancel(sleeper, wait);
                wait = wait.multipliedBy(2).compareTo(settings.maxPoll()) > 0 ? settings.maxPoll()
                        : wait.multipliedBy(2);
            }
        }
    }
}
