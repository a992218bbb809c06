package dev.instructgen.pipeline.batch;

import dev.instructgen.teacher.TeacherReply;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What earlier processes of the run left in batches: for each request (by its {@link CustomIds base id}) whether a
 * batch on the server still has it in flight, whether an answer is kept in the run directory that no process has
 * used yet, and how many times it was sent. Batches journalled but never created on the server are marked
 * abandoned when the run opens (their requests were never paid for). Guarded by the client's lock.
 */
final class BatchRecovery {

    private final BatchJournal journal;
    private final Map<String, String> inFlight = new HashMap<>();
    private final Map<String, String> answeredIn = new HashMap<>();
    private final Map<String, Integer> lastAttempt = new HashMap<>();
    private String cachedBatch;
    private Map<String, TeacherReply> cachedAnswers = Map.of();

    private BatchRecovery(BatchJournal journal) {
        this.journal = journal;
    }

    static BatchRecovery read(BatchLedger ledger, BatchJournal journal, Clock clock) {
        BatchRecovery r = new BatchRecovery(journal);
        for (BatchLedger.Batch b : ledger.neverSubmitted()) {
            BatchEvent abandoned = BatchEvent.of(BatchEvent.ABANDONED, clock.instant(), b.name).withFile(b.fileId)
                    .withDetail("the process stopped before the batch was created: its requests were never sent");
            journal.append(abandoned);
            ledger.apply(abandoned);
        }
        for (BatchLedger.Batch b : ledger.all()) {
            if (b.abandoned()) {
                continue;
            }
            for (BatchEvent.Item item : b.items) {
                r.lastAttempt.merge(CustomIds.baseOf(item.id()), CustomIds.attemptOf(item.id()), Math::max);
                if (!b.collected()) {
                    r.inFlight.put(CustomIds.baseOf(item.id()), item.id());
                }
            }
            if (b.collected()) {
                journal.kept(b.name, "output").ifPresent(output -> BatchLines.results(output, Duration.ZERO)
                        .stream().filter(ItemResult.Answered.class::isInstance)
                        .forEach(a -> r.answeredIn.put(CustomIds.baseOf(a.customId()), b.name)));
            }
        }
        return r;
    }

    /** The custom id under which a batch on the server has this request, or null. */
    String inFlightId(String base) {
        return inFlight.get(base);
    }

    /** A kept answer to this request that no process used yet, now used; null when there is none. */
    TeacherReply claimAnswer(String base) {
        String batch = answeredIn.remove(base);
        if (batch == null) {
            return null;
        }
        if (!batch.equals(cachedBatch)) {
            Map<String, TeacherReply> answers = new HashMap<>();
            journal.kept(batch, "output").ifPresent(output -> BatchLines.results(output, Duration.ZERO).stream()
                    .filter(ItemResult.Answered.class::isInstance).map(ItemResult.Answered.class::cast)
                    .forEach(a -> answers.put(CustomIds.baseOf(a.customId()), a.reply())));
            cachedBatch = batch;
            cachedAnswers = answers;
        }
        return cachedAnswers.get(base);
    }

    /** The attempt number the next batch line of this request gets. */
    int nextAttempt(String base) {
        Integer last = lastAttempt.get(base);
        return last == null ? 0 : last + 1;
    }

    /** A line of a batch came back: it is no longer in flight. */
    void landed(String customId) {
        String base = CustomIds.baseOf(customId);
        inFlight.remove(base, customId);
        lastAttempt.merge(base, CustomIds.attemptOf(customId), Math::max);
    }

    /** An answer nobody in this process waits for (a batch of an earlier process): kept for whoever asks. */
    void keepAnswer(String customId, String batch) {
        answeredIn.put(CustomIds.baseOf(customId), batch);
        if (batch.equals(cachedBatch)) {
            cachedBatch = null;
        }
    }

    /** Requests answered but not (yet) asked for again by this process: paid for, and so far unused. */
    long unclaimed() {
        return answeredIn.size();
    }

    List<String> inFlightIds() {
        return List.copyOf(inFlight.values());
    }
}
