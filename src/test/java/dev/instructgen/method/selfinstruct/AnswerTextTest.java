package dev.instructgen.method.selfinstruct;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer pass's replies as chat models dress them, and the answer left once the dressing is removed. */
class AnswerTextTest {

    @Test
    void aPlainAnswerIsKeptAsItIs() {
        assertThat(AnswerText.clean("The Danube, the Rhine and the Elbe.")).isEqualTo(
                "The Danube, the Rhine and the Elbe.");
    }

    @Test
    void aReasoningBlockIsRemoved() {
        assertThat(AnswerText.clean("<think>Three rivers; Europe. Easy.</think>\nThe Danube, the Rhine and the Elbe."))
                .isEqualTo("The Danube, the Rhine and the Elbe.");
    }

    @Test
    void anAnnouncementLineAndAClosingOfferAreRemoved() {
        String reply = """
                Sure! Here is the answer:

                1. Danube
                2. Rhine
                3. Elbe

                Let me know if you would like more rivers!""";
        assertThat(AnswerText.clean(reply)).isEqualTo("1. Danube\n2. Rhine\n3. Elbe");
    }

    @Test
    void aHereIsLineEndingWithAColonAndAHopeAreRemovedAfterThinking() {
        String reply = "<think>list them</think>\nHere's a short poem about autumn:\nLeaves fall slow\nI hope this helps!";
        assertThat(AnswerText.clean(reply)).isEqualTo("Leaves fall slow");
    }

    @Test
    void anAnswerThatOnlyStartsWithAnInterjectionOnItsOwnLineIsKeptWhole() {
        assertThat(AnswerText.clean("Sure, Paris is the capital of France.")).isEqualTo(
                "Sure, Paris is the capital of France.");
    }

    @Test
    void aCodeFenceIsPartOfTheAnswer() {
        String reply = "Certainly!\n```python\nprint('hi')\n```\nFeel free to ask for more.";
        assertThat(AnswerText.clean(reply)).isEqualTo("```python\nprint('hi')\n```");
    }

    @Test
    void aReplyOfNothingButChatterOrUnfinishedThinkingIsEmpty() {
        assertThat(AnswerText.clean("<think>still thinking when the limit hit")).isEmpty();
        assertThat(AnswerText.clean("  ")).isEmpty();
        assertThat(AnswerText.clean(null)).isEmpty();
    }

    @Test
    void aClosingRemarkAloneIsNotRemovedSinceNothingWouldBeLeft() {
        assertThat(AnswerText.clean("Let me know what you think of this plan.")).isEqualTo(
                "Let me know what you think of this plan.");
    }
}
