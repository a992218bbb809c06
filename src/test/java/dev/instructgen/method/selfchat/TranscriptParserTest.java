package dev.instructgen.method.selfchat;

import dev.instructgen.dataset.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptParserTest {

    private final TranscriptParser parser = new TranscriptParser(3);

    private static List<String> roles(Transcript t) {
        return t.messages().stream().map(Example.Message::role).toList();
    }

    private static List<String> contents(Transcript t) {
        return t.messages().stream().map(Example.Message::content).toList();
    }

    @Test
    void aChattyReplyLosesItsReasoningPreambleTagsAndClosingOffer() {
        Transcript t = parser.read("""
                <think>The person wants a transcript about tides. Three exchanges.</think>
                Sure! Here is the transcript you asked for:

                **[User]** How do tides work?
                **[Assistant]** Tides come from the Moon's pull on the oceans.

                The Sun adds a smaller pull.
                [User] Why are there two a day?
                [Assistant] The Earth turns through two bulges of water each day.
                [End]

                Let me know if you would like me to continue the conversation or make it longer!""", false);

        assertThat(roles(t)).containsExactly("user", "assistant", "user", "assistant");
        assertThat(contents(t)).containsExactly("How do tides work?",
                "Tides come from the Moon's pull on the oceans.\n\nThe Sun adds a smaller pull.",
                "Why are there two a day?", "The Earth turns through two bulges of water each day.");
        assertThat(t.stop()).isEqualTo(StopReason.MODEL_ENDED);
    }

    @Test
    void aClosingOfferWithoutAnEndLineIsStillNotPartOfTheLastAnswer() {
        Transcript t = parser.read("""
                Human: What makes sourdough rise?
                AI: Wild yeast and lactic acid bacteria in the starter make gas that lifts the dough.

                ---
                I hope this transcript helps! Feel free to ask for changes.""", false);

        assertThat(contents(t)).containsExactly("What makes sourdough rise?",
                "Wild yeast and lactic acid bacteria in the starter make gas that lifts the dough.");
    }

    @Test
    void anAssistantThatOffersMoreHelpInsideTheChatKeepsItsWords() {
        Transcript t = parser.read("""
                [User] Can you name a prime above 100?
                [Assistant] 101 is prime.

                Let me know if you have any other questions!""", false);

        assertThat(contents(t).get(1)).isEqualTo("101 is prime.\n\nLet me know if you have any other questions!");
    }

    @Test
    void baizeTagsSeveralTurnsOnOneLineAndHeadingsAreRead() {
        Transcript t = parser.read("[|Human|] Hi, what is Lima? [|AI|] The capital of Peru. [|Human|] How high is"
                + " it?\n### Assistant\nAbout 150 metres above the sea.", false);

        assertThat(contents(t)).containsExactly("Hi, what is Lima?", "The capital of Peru.", "How high is it?",
                "About 150 metres above the sea.");
    }

    @Test
    void codeInAnAnswerStaysWhole() {
        Transcript t = parser.read("""
                [User] How do I reverse a list in Python?
                [Assistant] Use slicing:
                ```python
                items[::-1]
                ```
                [User] And in place?
                [Assistant] Call items.reverse().""", false);

        assertThat(contents(t).get(1)).isEqualTo("Use slicing:\n```python\nitems[::-1]\n```");
        assertThat(t.exchanges()).isEqualTo(2);
    }

    @Test
    void theConversationStopsAtTheTurnLimitAndSaysSo() {
        StringBuilder reply = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            reply.append("[User] question ").append(i).append("\n[Assistant] answer ").append(i).append('\n');
        }
        Transcript t = parser.read(reply.toString(), false);

        assertThat(t.exchanges()).isEqualTo(3);
        assertThat(t.stop()).isEqualTo(StopReason.TURNS_REACHED);
    }

    @Test
    void anEmptyTurnEndsTheConversationBeforeIt() {
        Transcript t = parser.read("[User] Why is the sky blue?\n[Assistant] Air scatters blue light most.\n"
                + "[User]\n[Assistant] Anything else?", false);

        assertThat(t.exchanges()).isEqualTo(1);
        assertThat(t.stop()).isEqualTo(StopReason.EMPTY_TURN);
        assertThat(t.detail()).contains("turn 3");
    }

    @Test
    void aRepeatedTurnEndsTheLoopingConversation() {
        Transcript t = parser.read("[User] Thanks!\n[Assistant] You are welcome.\n[User] thanks!\n"
                + "[Assistant] You are welcome.", false);

        assertThat(t.exchanges()).isEqualTo(1);
        assertThat(t.stop()).isEqualTo(StopReason.REPEATED_TURN);
    }

    @Test
    void twoTurnsOfOneSpeakerInARowAreRoleConfusion() {
        Transcript t = parser.read("[User] What is a kite?\n[Assistant] A light frame flown on a string.\n"
                + "[Assistant] As the user, I would now ask about wind.\n[User] What wind is best?", false);

        assertThat(t.exchanges()).isEqualTo(1);
        assertThat(t.stop()).isEqualTo(StopReason.ROLE_CONFUSED);
        assertThat(t.detail()).contains("follows a turn of the same speaker");
    }

    @Test
    void aTranscriptOpenedByTheAssistantOrAThirdSpeakerHasNoExchange() {
        assertThat(parser.read("[Assistant] Hello! How can I help?\n[User] Hi.", false).exchanges()).isZero();
        Transcript system = parser.read("[System] You are a tutor.\n[User] Hi.\n[Assistant] Hello.", false);
        assertThat(system.exchanges()).isZero();
        assertThat(system.stop()).isEqualTo(StopReason.ROLE_CONFUSED);
    }

    @Test
    void aReplyWithoutTagsHasNoTurns() {
        Transcript t = parser.read("Tides are caused by the Moon.", false);

        assertThat(t.messages()).isEmpty();
        assertThat(t.detail()).contains("no [User] or [Assistant] turns");
    }

    @Test
    void aCutOffReplyDropsItsUnfinishedTurnAndTheQuestionItAnswered() {
        Transcript t = parser.read("[User] One?\n[Assistant] Yes, one.\n[User] Two?\n[Assistant] Two is the",
                true);

        assertThat(contents(t)).containsExactly("One?", "Yes, one.");
        assertThat(t.stop()).isEqualTo(StopReason.CUT_OFF);
    }

    @Test
    void anUnansweredLastUserTurnIsDropped() {
        Transcript t = parser.read("[User] One?\n[Assistant] Yes.\n[User] Bye!", false);

        assertThat(roles(t)).containsExactly("user", "assistant");
        assertThat(t.stop()).isEqualTo(StopReason.MODEL_ENDED);
    }
}
