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
}
