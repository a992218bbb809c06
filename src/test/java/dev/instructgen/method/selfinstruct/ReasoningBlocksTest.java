package dev.instructgen.method.selfinstruct;

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
    void aReasoningModelsListParsesOnceTheBlockIsGone() {
        String reply = "<think>I should list new tasks.\n1. not a task\n</think>\n9. Name a river in Peru.";

        assertThat(new InstructionListParser().parse(ReasoningBlocks.strip(reply), false))
                .containsExactly("Name a river in Peru.");
        assertThat(new ClassificationAnswerParser().parse(ReasoningBlocks.strip("<think>no idea</think> Yes")))
                .contains(true);
    }
}
