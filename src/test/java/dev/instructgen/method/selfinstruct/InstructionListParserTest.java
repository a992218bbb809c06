package dev.instructgen.method.selfinstruct;

import dev.instructgen.text.ReasoningBlocks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstructionListParserTest {

    private final InstructionListParser parser = new InstructionListParser();

    @Test
    void readsAPlainNumberedList() {
        assertThat(parser.parse("9. Name three rivers in Africa.\n10. Explain what inflation is.\n", false))
                .containsExactly("Name three rivers in Africa.", "Explain what inflation is.");
    }

    @Test
    void acceptsEveryCommonNumberingVariant() {
        String reply = """
                9) Name three rivers in Africa.
                Task 10: Explain what inflation is.
                **11.** Suggest a title for a blog post about gardening.
                **12. Translate "good morning" into French.**
                - 13. Give an example of a metaphor.
                (14) Count the vowels in the word.
                15 - Describe a sunset in one sentence.
                """;

        assertThat(parser.parse(reply, false)).containsExactly(
                "Name three rivers in Africa.",
                "Explain what inflation is.",
                "Suggest a title for a blog post about gardening.",
                "Translate \"good morning\" into French.",
                "Give an example of a metaphor.",
                "Count the vowels in the word.",
                "Describe a sunset in one sentence.");
    }

    @Test
    void ignoresAPreambleAndAnEpilogue() {
        String reply = """
                Sure! Here are some more tasks:

                9. Name three rivers in Africa.
                10. Explain what inflation is.

                I hope these tasks are useful. Let me know if you want more!
                """;

        assertThat(parser.parse(reply, false))
                .containsExactly("Name three rivers in Africa.", "Explain what inflation is.");
    }

    @Test
    void keepsAnUnnumberedFirstItemThatContinuesThePromptsNumber() {
        String reply = "Name three rivers in Africa.\n10. Explain what inflation is.";

        assertThat(parser.parse(reply, false))
                .containsExactly("Name three rivers in Africa.", "Explain what inflation is.");
    }

    @Test
    void joinsAnItemThatWrapsOntoTheNextLine() {
        String reply = "9. Write a short story about a robot\nwho learns to paint.\n10. Explain gravity.";

        assertThat(parser.parse(reply, false))
                .containsExactly("Write a short story about a robot who learns to paint.", "Explain gravity.");
    }

    @Test
    void dropsTheCutOffLastItemWhenTheReplyHitTheLengthLimit() {
        String reply = "9. Name three rivers in Africa.\n10. Explain what inflation is.\n11. Describe the";

        assertThat(parser.parse(reply, true))
                .containsExactly("Name three rivers in Africa.", "Explain what inflation is.");
        assertThat(parser.parse(reply, false)).hasSize(3);
    }

    @Test
    void removesTaskLabelsQuotesAndEmptyItems() {
        String reply = "9. Instruction: Name a fruit.\n10. \"List two colours.\"\n11.\n12. **Sort the numbers.**";

        assertThat(parser.parse(reply, false)).containsExactly("Name a fruit.", "List two colours.",
                "Sort the numbers.");
    }

    @Test
    void ignoresInputAndOutputFieldsSomeModelsAddUnderEachItem() {
        String reply = """
                9. Instruction: Sort the numbers in ascending order.
                Input: 3, 1, 2
                Output: 1, 2, 3
                10. Explain what a prime number is.
                   Output: A number with exactly two divisors.
                """;

        assertThat(parser.parse(reply, false))
                .containsExactly("Sort the numbers in ascending order.", "Explain what a prime number is.");
    }

    @Test
    void keepsAWrappedLineThatMerelyStartsWithAFieldWord() {
        String reply = "9. Write a function that adds two\ninput numbers and returns the result.";

        assertThat(parser.parse(reply, false))
                .containsExactly("Write a function that adds two input numbers and returns the result.");
    }

    @Test
    void findsNothingInAReplyWithoutAList() {
        assertThat(parser.parse("Here are some tasks:", false)).isEmpty();
        assertThat(parser.parse("", false)).isEmpty();
    }

    @Test
    void aReasoningModelsListParsesOnceTheBlockIsGone() {
        String reply = "<think>I should list new tasks.\n1. not a task\n</think>\n9. Name a river in Peru.";

        assertThat(new InstructionListParser().parse(ReasoningBlocks.strip(reply), false))
                .containsExactly("Name a river in Peru.");
        assertThat(new ClassificationAnswerParser().parse(ReasoningBlocks.strip("<think>no idea</think> Yes")))
                .contains(true);
    }

    @Test
    void keepsAtMostSevenNewInstructionsWhateverTheNumbering() {
        StringBuilder reply = new StringBuilder();
        for (int i = 9; i <= 20; i++) {
            reply.append("**").append(i).append(".** Name ").append(i).append(" rivers of Europe.\n");
        }

        InstructionListParser.ListReply list = parser.read(reply.toString(), false);

        assertThat(list.instructions()).hasSize(7).first().isEqualTo("Name 9 rivers of Europe.");
        assertThat(list.instructions()).last().isEqualTo("Name 15 rivers of Europe.");
        assertThat(list.pastStop()).isEqualTo(5);
        assertThat(list.cutOff()).isNull();
    }

    @Test
    void setsTheIncompleteLastItemOfACutOffReplyApart() {
        InstructionListParser.ListReply list = parser.read("9. Name a river.\n10. Explain the", true);

        assertThat(list.instructions()).containsExactly("Name a river.");
        assertThat(list.cutOff()).isEqualTo("Explain the");
    }

    @Test
    void aClosingRemarkRightAfterTheLastItemIsNoPartOfIt() {
        assertThat(parser.parse("9. Name a river.\nLet me know if you would like more!", false))
                .containsExactly("Name a river.");
    }
}
