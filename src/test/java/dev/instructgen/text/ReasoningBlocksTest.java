package dev.instructgen.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasoningBlocksTest {

    @Test
    void removesAThinkBlockBeforeTheAnswer() {
        assertThat(ReasoningBlocks.strip("<think>\nThe task picks a label, so yes.\n</think>\nYes")).isEqualTo("Yes");
    }

    @Test
    void removesAnUnclosedBlockOfAReplyCutOffWhileThinking() {
        assertThat(ReasoningBlocks.strip("<think>\nLet me consider 9. and 10.")).isEmpty();
    }

    @Test
    void leavesOtherRepliesUntouched() {
        assertThat(ReasoningBlocks.strip("9. Name a river.\n10. Think about <b>tags</b>."))
                .isEqualTo("9. Name a river.\n10. Think about <b>tags</b>.");
    }

    @Test
    void removesEverythingUpToALoneClosingTagWhenTheTemplateOpenedTheBlock() {
        assertThat(ReasoningBlocks.strip("The user wants a verdict.\n</think>\n\nNot Equal")).isEqualTo("Not Equal");
    }

    @Test
    void removesThinkingAndReasoningBlocksInAnyCase() {
        assertThat(ReasoningBlocks.strip("<Thinking>hmm</Thinking>Yes")).isEqualTo("Yes");
        assertThat(ReasoningBlocks.strip("<reasoning>a\nb</reasoning>\nNo")).isEqualTo("No");
    }
}
