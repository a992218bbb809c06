package dev.instructgen.filter.evol;

import dev.instructgen.filter.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.instructgen.filter.Rejected.code;
import static dev.instructgen.filter.Rejected.rejection;
import static org.assertj.core.api.Assertions.assertThat;

class PromptLeakFilterTest {

    private final PromptLeakFilter filter = new PromptLeakFilter();

    @ParameterizedTest
    @ValueSource(strings = {
            "Expand the given prompt with a budget limit.",
            "Here is the #Rewritten Prompt# you asked for: name a planet.",
            "#The Given Prompt# asks for a recipe; add a vegan option.",
            "#Created Prompt#: Describe the smell of rain.",
            "Make the new prompt harder: list four oceans.",
            "Follow the REWRITTEN   PROMPT below.",
            "Answer #The_Given_Prompt# in French.",
    })
    void rejectsInstructionsThatCopyWordsOfTheEvolvingPrompt(String instruction) {
        Verdict v = filter.check(instruction);
        assertThat(v.rejected()).isTrue();
        assertThat(code(v)).isEqualTo("prompt_leak");
        assertThat(rejection(v).detail()).contains("from the evolving prompt");
    }

    @Test
    void acceptsAnOrdinaryInstruction() {
        assertThat(filter.check("Give three reasons why bees matter to farmers, citing one study.").accepted())
                .isTrue();
    }

    @Test
    void namesThePhraseItFound() {
        assertThat(rejection(filter.check("Improve the given prompt.")).detail()).contains("\"given prompt\"");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @ValueSource(strings = {
            "Follow the given instructions to assemble the shelf, and list any missing parts.",
            "Write a new prompt for an image generator that depicts a rainy harbour at dawn.",
            "Explain how the original instructions of the 1787 constitution were amended.",
    })
    void acceptsRewritesThatMerelyContainSimilarWords(String instruction) {
        assertThat(filter.check(instruction).accepted()).isTrue();
    }
}
