package dev.instructgen.method.unnatural;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParsersTest {

    @Test
    void theCoreParserReadsOnlyTheFirstExampleAndItsDressedFields() {
        String reply = """
                Sure, here is a new example:

                Example 4
                **Instruction:** Tell whether the sentence is formal or informal.
                **Input:** Hey, what's up?
                **Constraints:** The answer is "formal" or "informal".

                Example 5
                Instruction: Something else entirely.""";

        CoreParser.Core core = new CoreParser().read(reply);

        assertThat(core).isEqualTo(new CoreParser.Core("Tell whether the sentence is formal or informal.",
                "Hey, what's up?", "The answer is \"formal\" or \"informal\"."));
    }

    @Test
    void theCoreParserReadsNoneAsAnEmptyInputAndFindsNothingWithoutAnInstruction() {
        assertThat(new CoreParser().read("Instruction: Name a planet.\nInput: None.\nConstraints: None").input())
                .isEmpty();
        assertThat(new CoreParser().read("I cannot help with that.")).isNull();
    }

    @Test
    void theParaphraseParserSkipsChatterAndKeepsNoMoreThanAsked() {
        String reply = """
                Here are three versions:
                1. "Say whether the sentence is formal."
                2) **Is this sentence formal or not?**
                - Judge the formality of the sentence.
                Let me know if you need more.""";

        assertThat(new ParaphraseParser().read(reply, false, 2)).containsExactly(
                "Say whether the sentence is formal.", "Is this sentence formal or not?");
    }

    @Test
    void theParaphraseParserDropsTheLastItemOfACutOffReply() {
        assertThat(new ParaphraseParser().read("1. One version here.\n2. Another vers", true, 2))
                .containsExactly("One version here.");
    }
}
