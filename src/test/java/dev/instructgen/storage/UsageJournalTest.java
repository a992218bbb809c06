package dev.instructgen.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class UsageJournalTest {

    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aResumeRebuildsEveryCounterFromTheEventsAndCountsOnlyActiveTime() {
        try (UsageJournal journal = UsageJournal.open(dir, false, T0, CLOCK).journal()) {
            journal.append(UsageEvent.of(UsageEvent.SESSION, T0));
            journal.append(UsageEvent.request(UsageEvent.SENT, T0.plusSeconds(1), "instruction-generation", null));
            journal.append(UsageEvent.request(UsageEvent.RETRIED, T0.plusSeconds(2), "instruction-generation",
                    "http_429"));
            journal.append(UsageEvent.request(UsageEvent.SENT, T0.plusSeconds(3), "instruction-generation", null));
            journal.append(UsageEvent.succeeded(T0.plusSeconds(4), "instruction-generation", 600, 200, 0.0008));
            journal.append(UsageEvent.proposed(T0.plusSeconds(4), 9));
            journal.append(UsageEvent.of(UsageEvent.ACCEPTED, T0.plusSeconds(10)));
            // an hour of downtime, then a second session of 5 s
            journal.append(UsageEvent.of(UsageEvent.SESSION, T0.plusSeconds(3600)));
            journal.append(UsageEvent.request(UsageEvent.SENT, T0.plusSeconds(3605), "instance-generation", null));
        }

        UsageTotals t = UsageJournal.open(dir, true, T0, CLOCK).restored().orElseThrow();

        assertThat(t.attempts()).isEqualTo(3);
        assertThat(t.byStage()).containsEntry("instruction-generation", 2L).containsEntry("instance-generation", 1L);
        assertThat(t.succeeded()).isEqualTo(1);
        assertThat(t.retries()).isEqualTo(1);
        assertThat(t.faults()).containsEntry("http_429", 1L);
        assertThat(t.promptTokens()).isEqualTo(600);
        assertThat(t.costUsd()).isEqualTo(0.0008);
        assertThat(t.proposed()).isEqualTo(9);
        assertThat(t.accepted()).isEqualTo(1);
        assertThat(t.elapsedSeconds()).isEqualTo(15.0);
        assertThat(t.startedAt()).isEqualTo(T0);
    }

    @Test
    void aTornLastLineIsRepairedAndNamed() throws IOException {
        try (UsageJournal journal = UsageJournal.open(dir, false, T0, CLOCK).journal()) {
            journal.append(UsageEvent.succeeded(T0, "answer", 10, 10, 0.5));
        }
        Files.writeString(dir.resolve(UsageJournal.FILE), "{\"event\":\"succ", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        UsageJournal.Opened opened = UsageJournal.open(dir, true, T0, CLOCK);
        opened.journal().close();

        assertThat(opened.restored().orElseThrow().costUsd()).isEqualTo(0.5);
        assertThat(opened.notes()).anySatisfy(n -> assertThat(n).contains("usage.jsonl: repaired the tail"));
        assertThat(Files.readString(dir.resolve(UsageJournal.FILE))).endsWith("}\n");
    }

    @Test
    void aRunOfAnEarlierVersionCarriesItsStatsJsonIntoTheJournalOnce() throws IOException {
        Files.writeString(dir.resolve(RunDirectory.STATS), "{\"started_at\":\"2026-11-20T10:00:00Z\","
                + "\"elapsed_seconds\":50.0,\"accepted\":5,\"proposed\":9,\"requests\":{\"total\":12,"
                + "\"succeeded\":11,\"retries\":1,\"failed\":0,\"by_stage\":{\"answer\":12}},\"cost_usd\":0.25}");

        UsageJournal.Opened first = UsageJournal.open(dir, true, T0, CLOCK);
        first.journal().close();
        Files.delete(dir.resolve(RunDirectory.STATS));
        UsageJournal.Opened second = UsageJournal.open(dir, true, T0, CLOCK);
        second.journal().close();

        for (UsageJournal.Opened opened : new UsageJournal.Opened[] {first, second}) {
            UsageTotals t = opened.restored().orElseThrow();
            assertThat(t.attempts()).isEqualTo(12);
            assertThat(t.costUsd()).isEqualTo(0.25);
            assertThat(t.elapsedSeconds()).isEqualTo(50.0);
            assertThat(t.startedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        }
        assertThat(second.notes()).isEmpty();
    }

    @Test
    void withNeitherJournalNorStatsTheLossIsSaid() {
        UsageJournal.Opened opened = UsageJournal.open(dir, true, T0, CLOCK);
        opened.journal().close();

        assertThat(opened.notes()).singleElement().asString()
                .contains("stats.json is missing and the run has no usage.jsonl")
                .contains("count from zero");
    }
}
