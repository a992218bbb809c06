package dev.instructgen.method.evol;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvolvedInstructionTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "#Rewritten Prompt#: List three prime numbers above 50.",
            "Rewritten Prompt: List three prime numbers above 50.",
            "**New instruction:** List three prime numbers above 50.",
            "  #Created Prompt#:\nList three prime numbers above 50.",
            "Rewritten prompt\nList three prime numbers above 50.",
            "New version: List three prime numbers above 50.",
            "<<<\nList three prime numbers above 50.\n>>>",
    })
    void stripsALoneLeadingLabelAndKeepsTheBody(String reply) {
        EvolvedInstruction e = EvolvedInstruction.parse(reply);
        assertThat(e.text()).isEqualTo("List three prime numbers above 50.");
    }

    @Test
    void recordsThatALabelWasStripped() {
        EvolvedInstruction e = EvolvedInstruction.parse("#Rewritten Prompt#: Name two rivers.");
        assertThat(e.labelStripped()).isTrue();
        assertThat(e.strippedLabel()).isEqualTo("#Rewritten Prompt#:");
    }

    @Test
    void leavesInstructionsThatMerelyStartWithSimilarWordsAlone() {
        String text = "New prompt engineering techniques keep appearing; summarise three of them.";
        EvolvedInstruction e = EvolvedInstruction.parse(text);
        assertThat(e.text()).isEqualTo(text);
        assertThat(e.labelStripped()).isFalse();
    }

    @Test
    void stripsOnlyTheLeadingLabelSoALeakLaterInTheBodyRemainsForTheFilter() {
        EvolvedInstruction e = EvolvedInstruction.parse("Rewritten Prompt: Answer the #Given Prompt# in French.");
        assertThat(e.text()).isEqualTo("Answer the #Given Prompt# in French.");
    }

    @Test
    void aReplyThatIsOnlyALabelIsEmpty() {
        assertThat(EvolvedInstruction.parse("#Rewritten Prompt#:").isEmpty()).isTrue();
        assertThat(EvolvedInstruction.parse("   ").isEmpty()).isTrue();
    }
}
