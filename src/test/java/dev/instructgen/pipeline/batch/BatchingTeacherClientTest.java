package dev.instructgen.pipeline.batch;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.pricing.Price;
import dev.instructgen.teacher.resilience.CancellableSleeper;
import dev.instructgen.testing.FakeBatchServer;
import dev.instructgen.testing.FakeBatchServer.Plan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

import static org.assertj.core.api.Assertions.assertThat;

class BatchingTeacherClientTest {

    private static final TeacherIdentity TEACHER = new TeacherIdentity(TeacherApi.OPENAI, "batch-model",
            "127.0.0.1");
    private static final Price SYNC = new Price(2.0, 8.0, Price.Basis.LISTED, "test", null);
    private static final Price BATCH = new Price(1.0, 4.0, Price.Basis.LISTED, "test", null);

    @TempDir
    Path dir;

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<BatchingTeacherClient> clients = new ArrayList<>();
    private final Counting metrics = new Counting();
    private final AtomicInteger polls = new AtomicInteger();
    private FakeBatchServer fake;

    @AfterEach
    void tearDown() {
        clients.forEach(BatchingTeacherClient::close);
        callers.shutdownNow();
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void requestsAskedTogetherGoInOneBatchThatWalksEveryStateIntoTheJournal() throws Exception {
        fake = FakeBatchServer.start(prompt -> "answer to " + prompt);
        BatchingTeacherClient client = client(settings(10, 3, false), null);

        List<TeacherReply> replies = askAll(client, 4);
        awaitJournal("\"event\":\"collected\"");

        assertThat(replies).extracting(TeacherReply::text)
                .containsExactly("answer to prompt 0", "answer to prompt 1", "answer to prompt 2", "answer to prompt 3");
        assertThat(fake.batchesCreated()).isEqualTo(1);
        String journal = Files.readString(dir.resolve("batches.jsonl"));
        assertThat(events(journal)).containsSubsequence("prepared", "uploading", "uploaded", "submitting",
                "submitted", "state", "state", "state", "downloading", "collected");
        assertThat(journal).contains("\"state\":\"in_progress\"", "\"state\":\"finalizing\"",
                "\"state\":\"completed\"");
        assertThat(polls.get()).as("waited between polls through the seam").isPositive();
        assertThat(metrics.succeeded.get()).isEqualTo(4);
        assertThat(client.summary()).containsEntry("total", 1L);
    }

    @Test
    void linesOfTheErrorFileGoInALaterBatchUnderARetryIdAndAreCountedByKind() throws Exception {
        fake = FakeBatchServer.start(prompt -> "answer to " + prompt).planning(n -> n == 1 ? Plan.PARTIAL_ERRORS
                : Plan.COMPLETE);
        BatchingTeacherClient client = client(settings(10, 3, false), null);

        List<TeacherReply> replies = askAll(client, 6);

        assertThat(replies).hasSize(6).allMatch(r -> r.text().startsWith("answer to prompt"));
        assertThat(fake.batchesCreated()).isEqualTo(2);
        assertThat(fake.submissionsByCustomId().keySet()).filteredOn(id -> id.endsWith("-r1")).hasSize(2);
        assertThat(fake.submissionsByCustomId().values()).allMatch(n -> n == 1);
        @SuppressWarnings("unchecked")
        Map<String, Long> byKind = (Map<String, Long>) client.summary().get("failed_by_kind");
        assertThat(byKind).containsEntry("server_error", 2L);
        assertThat(metrics.retries.get()).isEqualTo(2);
    }

    @Test
    void anExpiredBatchHandsOnWhatWasAnsweredAndSendsTheRestAgain() throws Exception {
        fake = FakeBatchServer.start(prompt -> "answer to " + prompt).planning(n -> n == 1 ? Plan.EXPIRE
                : Plan.COMPLETE);
        BatchingTeacherClient client = client(settings(10, 3, false), null);

        List<TeacherReply> replies = askAll(client, 4);

        assertThat(replies).hasSize(4);
        assertThat(fake.states()).containsExactly("expired", "completed");
        @SuppressWarnings("unchecked")
        Map<String, Long> byKind = (Map<String, Long>) client.summary().get("failed_by_kind");
        assertThat(byKind).containsEntry("expired", 2L);
    }

    @Test
    void requestsOfBatchesThatKeepFailingFailAfterTheirLastAttempt() throws Exception {
        fake = FakeBatchServer.start(prompt -> "answer to " + prompt).planning(n -> Plan.FAIL);
        BatchingTeacherClient client = client(settings(10, 2, false), null);

        CompletableFuture<TeacherReply> answer = CompletableFuture.supplyAsync(
                () -> client.complete(request(0)), callers);

        assertThat(catching(answer)).isInstanceOf(RetriableTeacherException.class)
                .hasMessageContaining("the batch failed");
        assertThat(fake.states()).containsExactly("failed", "failed");
        assertThat(metrics.failed.get()).isEqualTo(1);
    }

    @Test
    void withFallbackAFailedLineIsSentSynchronouslyAndPricedAtTheSynchronousRate() throws Exception {
        fake = FakeBatchServer.start(prompt -> "answer to " + prompt).planning(n -> Plan.PARTIAL_ERRORS);
        AtomicInteger synchronousCalls = new AtomicInteger();
        TeacherClient synchronous = new TeacherClient() {
            @Override
            public TeacherReply complete(TeacherRequest request) {
                synchronousCalls.incrementAndGet();
                TeacherReply reply = new TeacherReply("synchronous answer", FinishReason.STOP,
                        new TokenUsage(1_000_000, 0), Duration.ZERO);
                metrics.onSuccess(request.stage(), reply); // as the synchronous stack reports it
                return reply;
            }

            @Override
            public TeacherIdentity identity() {
                return TEACHER;
            }
        };
        BatchingTeacherClient client = client(settings(10, 3, true), synchronous);

        List<TeacherReply> replies = askAll(client, 3);

        assertThat(replies).extracting(TeacherReply::text).filteredOn(t -> t.startsWith("answer to prompt"))
                .hasSize(2);
        assertThat(replies).extracting(TeacherReply::text).filteredOn("synchronous answer"::equals).hasSize(1);
        assertThat(fake.batchesCreated()).isEqualTo(1);
        assertThat(synchronousCalls.get()).isEqualTo(1);
        assertThat(metrics.syncCost.sum()).as("a million prompt tokens at $2").isEqualTo(2.0);
    }

    @Test
    void aSecondProcessCollectsTheBatchTheFirstLeftOnTheServerInsteadOfSendingItAgain() throws Exception {
        fake = FakeBatchServer.start(prompt -> "answer to " + prompt).lookupsPerState(1_000_000);
        BatchingTeacherClient first = client(settings(10, 3, false), null);
        List<CompletableFuture<TeacherReply>> lost = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            lost.add(CompletableFuture.supplyAsync(() -> first.complete(request(n)), callers));
        }
        awaitJournal("\"event\":\"submitted\"");
        first.stopWaiting();
        first.close();
        for (CompletableFuture<TeacherReply> waiting : lost) {
            assertThat(catching(waiting)).as("callers of a stopping run are let go")
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
        }

        fake.lookupsPerState(1);
        BatchingTeacherClient second = client(settings(10, 3, false), null);
        List<TeacherReply> replies = askAll(second, 3);

        assertThat(replies).extracting(TeacherReply::text).containsExactly("answer to prompt 0",
                "answer to prompt 1", "answer to prompt 2");
        assertThat(fake.submissionsByCustomId()).hasSize(3);
        assertThat(fake.submissionsByCustomId().values()).allMatch(n -> n == 1);
        assertThat(metrics.succeeded.get()).as("each answer counted once").isEqualTo(3);
    }

    @Test
    void anAnswerCollectedButNotYetAskedForIsServedToTheNextProcessFromTheRunDirectory() throws Exception {
        fake = FakeBatchServer.start(prompt -> "answer to " + prompt);
        BatchingTeacherClient first = client(settings(10, 3, false), null);
        askAll(first, 2);
        first.close();
        int created = fake.batchesCreated();

        BatchingTeacherClient second = client(settings(10, 3, false), null);
        List<TeacherReply> replies = askAll(second, 2);

        assertThat(replies).extracting(TeacherReply::text).containsExactly("answer to prompt 0",
                "answer to prompt 1");
        assertThat(fake.batchesCreated()).isEqualTo(created);
    }

    @Test
    void aTornLastLineOfTheJournalIsCutOffWhenTheRunOpens() throws Exception {
        fake = FakeBatchServer.start(prompt -> "answer to " + prompt);
        BatchingTeacherClient first = client(settings(10, 3, false), null);
        askAll(first, 1);
        first.close();
        Files.writeString(dir.resolve("batches.jsonl"), "{\"event\":\"prep", java.nio.file.StandardOpenOption.APPEND);

        BatchingTeacherClient second = client(settings(10, 3, false), null);

        assertThat(askAll(second, 1)).hasSize(1);
        assertThat(Files.readString(dir.resolve("batches.jsonl"))).doesNotContain("{\"event\":\"prep\n")
                .endsWith("\n");
    }

    private BatchingTeacherClient client(BatchSettings settings, TeacherClient fallback) {
        BatchApi api = new OpenAiBatchApi(URI.create(fake.url()), "sk-test", Duration.ofSeconds(10));
        BatchPricing pricing = new BatchPricing(SYNC, BATCH);
        metrics.pricing = pricing;
        BatchingTeacherClient client = new BatchingTeacherClient(TEACHER, settings, BatchJournal.open(dir), api,
                metrics, fallback, Clock.systemUTC(), new CancellableSleeper(d -> polls.incrementAndGet()),
                Duration.ofMinutes(1), pricing);
        clients.add(client);
        return client;
    }

    private static BatchSettings settings(int size, int attempts, boolean fallback) {
        return new BatchSettings(size, Duration.ofMillis(300), Duration.ofMillis(10), Duration.ofMillis(100),
                fallback, attempts);
    }

    private static TeacherRequest request(int n) {
        return TeacherRequest.ofUserPrompt("instruction-generation", "prompt " + n, Sampling.greedy(100));
    }

    private List<TeacherReply> askAll(BatchingTeacherClient client, int n) throws Exception {
        List<CompletableFuture<TeacherReply>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            answers.add(CompletableFuture.supplyAsync(() -> client.complete(request(k)), callers));
        }
        List<TeacherReply> replies = new ArrayList<>();
        for (CompletableFuture<TeacherReply> a : answers) {
            replies.add(a.get(30, TimeUnit.SECONDS));
        }
        return replies;
    }

    private static Throwable catching(CompletableFuture<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private void awaitJournal(String text) throws Exception {
        Path journal = dir.resolve("batches.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(journal) && Files.readString(journal).contains(text)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the journal never said " + text);
    }

    private static List<String> events(String journal) {
        return journal.lines().map(l -> l.replaceAll("^\\{\"event\":\"([a-z]+)\".*", "$1")).toList();
    }

    /** The run's counters as far as these tests look: successes, retries, failures and the cost model. */
    private static final class Counting implements TeacherMetrics {
        final AtomicInteger succeeded = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final DoubleAdder syncCost = new DoubleAdder();
        final Map<String, Integer> faults = new ConcurrentHashMap<>();
        volatile BatchPricing pricing;

        @Override
        public void onSuccess(String stage, TeacherReply reply) {
            succeeded.incrementAndGet();
            if (reply.text().startsWith("synchronous")) {
                syncCost.add(pricing.costUsd(reply.usage()));
            }
        }

        @Override
        public void onFault(String stage, FaultKind kind, boolean willRetry) {
            faults.merge(kind.key(), 1, Integer::sum);
            (willRetry ? retries : failed).incrementAndGet();
        }
    }
}
