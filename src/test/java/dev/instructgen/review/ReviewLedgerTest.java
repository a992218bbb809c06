package dev.instructgen.review;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewLedgerTest {

    @TempDir
    Path run;

    private static final String AT = "2026-11-21T22:00:00.000Z";

    @Test
    void aRunNobodyReviewedKeepsEveryExampleAsItIs() {
        ReviewLedger ledger = ReviewLedger.load(run);
        assertThat(ledger.apply(example("a"))).contains(example("a"));
        assertThat(ledger.exampleCounts()).containsEntry("accepted", 0L).containsEntry("rejected", 0L);
    }

    @Test
    void theLastAcceptOrRejectDecidesAndEditsAreApplied() {
        try (ReviewJournal journal = ReviewJournal.open(run)) {
            journal.append(decision("a", ReviewDecision.Decision.REJECTED, "wrong answer", null));
            journal.append(decision("a", ReviewDecision.Decision.ACCEPTED, null, null));
            journal.append(decision("b", ReviewDecision.Decision.EDITED, null,
                    new ReviewDecision.Edit(null, null, "a better output")));
            journal.append(decision("c", ReviewDecision.Decision.EDITED, null,
                    new ReviewDecision.Edit("new instruction", null, null)));
            journal.append(decision("c", ReviewDecision.Decision.REJECTED, "still off topic", null));
        }
        ReviewLedger ledger = ReviewLedger.load(run);
        assertThat(ledger.apply(example("a"))).contains(example("a"));
        assertThat(ledger.apply(example("b")).orElseThrow().output()).isEqualTo("a better output");
        assertThat(ledger.apply(example("b")).orElseThrow().instruction()).isEqualTo("instruction of b");
        assertThat(ledger.apply(example("c"))).isEmpty();
        assertThat(ledger.review("example", "c").orElseThrow().reason()).isEqualTo("still off topic");
        assertThat(ledger.exampleCounts()).containsEntry("accepted", 1L).containsEntry("edited", 1L)
                .containsEntry("rejected", 1L);
    }

    @Test
    void aTornLastLineIsIgnoredOnReadAndCutAwayWhenTheJournalIsOpenedAgain() throws Exception {
        try (ReviewJournal journal = ReviewJournal.open(run)) {
            journal.append(decision("a", ReviewDecision.Decision.ACCEPTED, null, null));
        }
        Path file = run.resolve(ReviewJournal.FILE);
        long whole = Files.size(file);
        Files.writeString(file, "{\"id\":\"b\",\"decis", StandardOpenOption.APPEND);
        assertThat(ReviewLedger.load(run).all()).hasSize(1);
        try (ReviewJournal journal = ReviewJournal.open(run)) {
            assertThat(Files.size(file)).isEqualTo(whole);
            journal.append(decision("b", ReviewDecision.Decision.ACCEPTED, null, null));
        }
        assertThat(ReviewLedger.load(run).all()).hasSize(2);
    }

    @Test
    void aBadLineFollowedByGoodOnesIsReportedWithFileAndLine() throws Exception {
        Files.writeString(run.resolve(ReviewJournal.FILE), "{\"id\":\"a\",\"decision\":\"accepted\"}\nnot json\n"
                + "{\"id\":\"b\",\"decision\":\"accepted\"}\n");
        assertThatThrownBy(() -> ReviewLedger.load(run)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("reviews.jsonl:2: not a valid review decision");
    }

    @Test
    void aRejectionWithoutAReasonIsNotADecision() {
        assertThatThrownBy(() -> decision("a", ReviewDecision.Decision.REJECTED, " ", null))
                .hasMessageContaining("needs a reason");
    }

    private static ReviewDecision decision(String id, ReviewDecision.Decision d, String reason,
                                           ReviewDecision.Edit edit) {
        return new ReviewDecision(id, ReviewDecision.EXAMPLE, d, reason, edit, AT);
    }

    private static Example example(String id) {
        return new Example(id, "instruction of " + id, "", "output of " + id, MethodId.SELF_INSTRUCT, "t-" + id, false,
                new Provenance("run", AT, null, null, List.of(), null, null, null),
                new LicenseInfo("Apache-2.0", true, List.of(), List.of()));
    }
}
