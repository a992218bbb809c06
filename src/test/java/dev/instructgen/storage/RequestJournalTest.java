package dev.instructgen.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestJournalTest {

    @Test
    void entriesAreAppendedOneWholeLineEachAndATornTailIsCutOnReopen(@TempDir Path dir) throws Exception {
        try (RequestJournal journal = RequestJournal.open(dir, Clock.systemUTC())) {
            journal.append(Map.of("stage", "judge"));
        }
        Path file = dir.resolve(RequestJournal.FILE);
        Files.writeString(file, "{\"stage\":\"torn", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        try (RequestJournal journal = RequestJournal.open(dir, Clock.systemUTC())) {
            journal.append(Map.of("stage", "response"));
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).containsExactly("{\"stage\":\"judge\"}", "{\"stage\":\"response\"}");
    }
}
