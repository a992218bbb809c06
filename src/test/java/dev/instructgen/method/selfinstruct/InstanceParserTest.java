package dev.instructgen.method.selfinstruct;

import dev.instructgen.filter.CandidateInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceParserTest {

    private final InstanceParser parser = new InstanceParser();

    @Test
    void readsNumberedInputFirstExamples() {
        String reply = """
                Example 1
                Input: 25 °C
                Output: 77 °F
                Example 2
                Input: -10 °C
                Output: 14 °F
                """;

        assertThat(parser.inputFirst(reply)).containsExactly(
                new CandidateInstance("25 °C", "77 °F"), new CandidateInstance("-10 °C", "14 °F"));
    }

    @Test
    void readsAnEmptyInputAndAMultiLineOutput() {
        String reply = """
                Example 1
                Input:
                Output:
                def largest(xs):
                    return max(xs)
                """;

        assertThat(parser.inputFirst(reply)).containsExactly(
                new CandidateInstance("", "def largest(xs):\n    return max(xs)"));
    }

    @Test
    void readsOutputOnlyInstancesAndBoldLabels() {
        String reply = "**Output:** Rise & Crumb\n**Output:** The Daily Loaf";

        assertThat(parser.inputFirst(reply)).containsExactly(
                new CandidateInstance("", "Rise & Crumb"), new CandidateInstance("", "The Daily Loaf"));
    }

    @Test
    void stopsWhereTheModelStartsANewTask() {
        String reply = "Input: 3, 4\nOutput: 7\n\nTask: Multiply the numbers.\nInput: 2, 5\nOutput: 10";

        assertThat(parser.inputFirst(reply)).containsExactly(new CandidateInstance("3, 4", "7"));
    }

    @Test
    void returnsACutOffLastInstanceForTheScreenToDrop() {
        String reply = "Input: a\nOutput: A\nInput: b\nOutput: B, and then some more tex";

        assertThat(parser.inputFirst(reply)).containsExactly(
                new CandidateInstance("a", "A"), new CandidateInstance("b", "B, and then some more tex"));
    }

    @Test
    void dropsAnUnlabelledReplyAsTheReferenceDoes() {
        assertThat(parser.inputFirst("Sure! Paris is the capital of France, as you probably know.")).isEmpty();
    }

    @Test
    void keepsAnUnlabelledExampleUnderAHeadingAsItsOutputAsTheReferenceDoes() {
        assertThat(parser.inputFirst("Example 1\nParis is the capital of France."))
                .containsExactly(new CandidateInstance("", "Paris is the capital of France."));
    }

    @Test
    void readsOutputFirstClassLabelsWithTheirInputs() {
        String reply = """
                Class label: Positive
                Input: The staff were lovely and the food arrived hot.
                Class label: Negative
                Input: Cold soup,
                rude service.
                """;

        assertThat(parser.outputFirst(reply)).containsExactly(
                new CandidateInstance("The staff were lovely and the food arrived hot.", "Positive"),
                new CandidateInstance("Cold soup,\nrude service.", "Negative"));
    }

    @Test
    void readsAnOutputFirstLabelWithoutInput() {
        assertThat(parser.outputFirst("Class label: Jupiter\nInput:"))
                .containsExactly(new CandidateInstance("", "Jupiter"));
    }

    // Reference parity: shapes of the reference templates' own demos, read as prepare_for_finetuning.py reads them
    // (input = everything before "Output:" without a leading "Input:"; label = the line after "Class label:").

    @Test
    void keepsAnInputFieldNamedAfterItsContentAsTheReferenceDoes() {
        String reply = "Example 1\nSentence: Me and him goes to school.\nOutput: He and I go to school.\n"
                + "Example 2\nSentence: Their going home.\nOutput: They're going home.";

        assertThat(parser.inputFirst(reply)).containsExactly(
                new CandidateInstance("Sentence: Me and him goes to school.", "He and I go to school."),
                new CandidateInstance("Sentence: Their going home.", "They're going home."));
    }

    @Test
    void keepsAnInputOfSeveralNamedFieldsTogether() {
        String reply = "Example 1\nParagraph: Ann had 3 apples and ate one.\nQuestion: How many are left?\n"
                + "Output: 3 - 1 = 2 apples.";

        assertThat(parser.inputFirst(reply)).containsExactly(new CandidateInstance(
                "Paragraph: Ann had 3 apples and ate one.\nQuestion: How many are left?", "3 - 1 = 2 apples."));
    }

    @Test
    void startsTheNextInstanceWhereTheFirstFieldNameComesBackWithoutHeadings() {
        String reply = "Sentence: I has a cat.\nOutput: I have a cat.\nSentence: She go home.\nOutput: She goes home.";

        assertThat(parser.inputFirst(reply)).containsExactly(
                new CandidateInstance("Sentence: I has a cat.", "I have a cat."),
                new CandidateInstance("Sentence: She go home.", "She goes home."));
    }

    @Test
    void readsAnOutputOnlyTaskAsTheReferenceDoes() {
        assertThat(parser.inputFirst("Output: 85 °F is about 29.4 °C"))
                .containsExactly(new CandidateInstance("", "85 °F is about 29.4 °C"));
    }

    @Test
    void keepsTheInputOfAClassLabelOutOfTheLabel() {
        String reply = "Class label: Promotion\nEmail: Half price on all shoes this weekend only!\n"
                + "Class label: Not Promotion\nEmail: Your parcel was delivered at 10:14.";

        assertThat(parser.outputFirst(reply)).containsExactly(
                new CandidateInstance("Email: Half price on all shoes this weekend only!", "Promotion"),
                new CandidateInstance("Email: Your parcel was delivered at 10:14.", "Not Promotion"));
    }

    @Test
    void readsAMultiLineInputUnderAClassLabel() {
        String reply = "Class label: Satisfied\nDialogue:\n- Agent: Anything else?\n- Customer: No, all good, thanks!";

        assertThat(parser.outputFirst(reply)).containsExactly(new CandidateInstance(
                "Dialogue:\n- Agent: Anything else?\n- Customer: No, all good, thanks!", "Satisfied"));
    }

    @Test
    void dropsAClassificationReplyWithoutAnyLabelAsTheReferenceDoes() {
        assertThat(parser.outputFirst("Sure, spam emails usually promise prizes.")).isEmpty();
    }
}
