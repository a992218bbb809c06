package dev.instructgen.filter.evol;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Verdict;
import org.junit.jupiter.api.Test;

import static dev.instructgen.filter.Rejected.code;
import static dev.instructgen.filter.Rejected.rejection;
import static org.assertj.core.api.Assertions.assertThat;

class NoInformationGainCheckTest {

    private final NoInformationGainCheck check = new NoInformationGainCheck();

    @Test
    void rejectsARewriteThatDiffersOnlyInCaseSpacingAndPunctuation() {
        Verdict v = check.check("Explain how tides form.", "  explain HOW tides   form!! ");
        assertThat(v.rejected()).isTrue();
        assertThat(code(v)).isEqualTo("no_information_gain");
        assertThat(rejection(v).detail()).isEqualTo("identical to parent");
    }

    @Test
    void rejectsANearIdenticalRewriteWithItsScore() {
        String parent = "Write a short story about a lighthouse keeper who finds a message in a bottle on a "
                + "stormy night and decides to answer it";
        String child = parent + " now";
        Verdict v = check.check(parent, child);
        assertThat(v.rejected()).isTrue();
        assertThat(rejection(v).detail()).startsWith("identical to parent (near-identical: ROUGE-L F1 0.9");
    }

    @Test
    void acceptsARewriteThatAddsAConstraint() {
        Verdict v = check.check("Explain how tides form.",
                "Explain how tides form, in under 100 words, for a ten-year-old reader.");
        assertThat(v.accepted()).isTrue();
    }

    @Test
    void anEqualJudgementEliminatesWithTheJudgeDetail() {
        assertThat(NoInformationGainCheck.judged(true))
                .isEqualTo(Verdict.reject(RejectionReason.NO_INFORMATION_GAIN, "judge: Equal"));
        assertThat(NoInformationGainCheck.judged(false).accepted()).isTrue();
    }

    @Test
    void acceptsALongPromptWithTheTenToTwentyWordsTheRewriteIsAskedToAdd() {
        StringBuilder parent = new StringBuilder("Summarise the report below");
        for (int i = 0; i < 95; i++) {
            parent.append(" word").append(i);
        }
        String child = parent + " and finish with three recommendations for the board, each under twenty words long";

        assertThat(check.check(parent.toString(), child).accepted()).isTrue();
    }
}
