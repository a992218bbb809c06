package dev.instructgen.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstructionHeuristicsTest {

    private final InstructionFilter heuristics = InstructionFilter.heuristics(InstructionFilterSettings.defaults());

    private String reasonFor(String instruction) {
        Verdict verdict = heuristics.check(instruction);
        return verdict.accepted() ? "accepted" : verdict.reason();
    }

    @Test
    void acceptsAnOrdinaryInstruction() {
        assertThat(heuristics.check("Suggest three names for a bakery that sells only sourdough.").accepted())
                .isTrue();
    }

    @Test
    void defaultsAreThreeToOneHundredFiftyWordsAndTheCombinedBlacklist() {
        InstructionFilterSettings defaults = InstructionFilterSettings.defaults();

        assertThat(defaults.minWords()).isEqualTo(3);
        assertThat(defaults.maxWords()).isEqualTo(150);
        assertThat(defaults.blacklist()).containsExactly("image", "images", "graph", "graphs", "picture",
                "pictures", "file", "files", "map", "maps", "draw", "plot", "go to", "video", "audio", "music",
                "flowchart", "diagram");
    }

    @Test
    void rejectsInstructionsShorterThanTheMinimumWordCount() {
        Verdict verdict = heuristics.check("Explain gravity.");

        assertThat(verdict.reason()).isEqualTo("too_short");
        assertThat(verdict.detail()).isEqualTo("2 words, fewer than the minimum of 3");
        assertThat(reasonFor("Explain gravity briefly.")).isEqualTo("accepted");
    }

    @Test
    void rejectsInstructionsLongerThanTheMaximumWordCount() {
        String words150 = "Describe" + " it".repeat(149);

        assertThat(reasonFor(words150)).isEqualTo("accepted");
        assertThat(heuristics.check(words150 + " now").detail()).isEqualTo("151 words, more than the maximum of 150");
        assertThat(reasonFor(words150 + " now")).isEqualTo("too_long");
    }

    @Test
    void countsWordsSeparatedByAnyWhitespaceIncludingNoBreakSpaces() {
        assertThat(WordCountFilter.countWords("  one\ttwo\n three\u00A0four  ")).isEqualTo(4);
        assertThat(WordCountFilter.countWords("")).isZero();
    }

    @Test
    void rejectsBlacklistedKeywordsOnWordBoundariesIgnoringCaseAndNamesTheWord() {
        Verdict verdict = heuristics.check("Describe the IMAGES below in detail.");

        assertThat(verdict.reason()).isEqualTo("blacklisted_keyword");
        assertThat(verdict.detail()).contains("'images'");
        assertThat(reasonFor("Tell me how to go to the station.")).isEqualTo("blacklisted_keyword");
        assertThat(reasonFor("Plot the sales numbers by month.")).isEqualTo("blacklisted_keyword");
        assertThat(reasonFor("Write a song about music festivals.")).isEqualTo("blacklisted_keyword");
    }

    @Test
    void doesNotRejectWordsThatOnlyContainABlacklistedWord() {
        assertThat(reasonFor("Imagine a profile for a fictional explorer.")).isEqualTo("accepted");
        assertThat(reasonFor("Summarize the plotline of a famous novel.")).isEqualTo("accepted");
        assertThat(reasonFor("Name a good ago torrent of words.")).isEqualTo("accepted");
    }

    @Test
    void usesAConfiguredBlacklistInsteadOfTheDefault() {
        InstructionFilter custom = InstructionFilter.heuristics(new InstructionFilterSettings(1, 10,
                List.of("spreadsheet")));

        assertThat(custom.check("Draw a cat with words.").accepted()).isTrue();
        assertThat(custom.check("Fill in the Spreadsheet columns.").detail()).contains("'spreadsheet'");
    }

    @Test
    void rejectsInstructionThatStartsWithWriteAProgram() {
        assertThat(reasonFor("Write a program that sorts a list of names.")).isEqualTo("starts_with_write_a_program");
        assertThat(reasonFor("write a program to add two numbers.")).isEqualTo("starts_with_write_a_program");
        assertThat(reasonFor("Write a poem about a program that never ends.")).isEqualTo("accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Quote this sentence back to me.\"", "- Name three rivers in Africa.",
            "(Optional) List some hobbies to try.", "* Suggest a name for my cat."})
    void rejectsInstructionThatStartsWithPunctuation(String instruction) {
        Verdict verdict = heuristics.check(instruction);

        assertThat(verdict.reason()).isEqualTo("starts_with_punctuation");
        assertThat(verdict.detail()).startsWith("starts with the punctuation '");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Écrivez une phrase sur la mer, s'il vous plaît.",
            "«Translate this sentence into Spanish.»", "请 写 一首 关于 秋天 的 诗。"})
    void rejectsInstructionThatStartsWithANonAsciiCharacter(String instruction) {
        assertThat(reasonFor(instruction)).isEqualTo("starts_with_non_letter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 ways to cook rice without a rice cooker.", "3D printing: explain how it works to a child."})
    void keepsAnInstructionThatStartsWithADigitAsTheReferenceDoes(String instruction) {
        assertThat(heuristics.check(instruction).accepted()).isTrue();
    }

    @Test
    void appliesTheFiltersInTheReferenceOrder() {
        // too short wins over the blacklist, the blacklist over "Write a program", which wins over punctuation
        assertThat(reasonFor("Draw maps.")).isEqualTo("too_short");
        assertThat(reasonFor("Write a program that reads a file.")).isEqualTo("blacklisted_keyword");
        assertThat(reasonFor("  Write a program to print primes.")).isEqualTo("starts_with_write_a_program");
    }

    @Test
    void refusesInconsistentSettings() {
        assertThatThrownBy(() -> new InstructionFilterSettings(10, 5, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWords");
        assertThatThrownBy(() -> new InstructionFilterSettings(-1, 5, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minWords");
        assertThatThrownBy(() -> new InstructionFilterSettings(1, 5, List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void aChainReturnsTheFirstRejection() {
        InstructionFilter chain = new InstructionFilterChain(List.of(
                text -> Verdict.accept(),
                text -> Verdict.reject("first", "first rejection"),
                text -> Verdict.reject("second", "second rejection")));

        assertThat(chain.check("anything").reason()).isEqualTo("first");
        assertThat(new InstructionFilterChain(List.of()).check("anything").accepted()).isTrue();
    }
}
