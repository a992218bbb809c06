package dev.instructgen.method.selfinstruct;

import dev.instructgen.filter.Filter;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.filter.Verdict;
import dev.instructgen.filter.WordCountFilter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.instructgen.filter.Rejected.code;
import static dev.instructgen.filter.Rejected.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstructionHeuristicsTest {

    private final Filter<String> heuristics =
            SelfInstructFilters.instructionHeuristics(InstructionFilterSettings.defaults());

    private String reasonFor(String instruction) {
        Verdict verdict = heuristics.check(instruction);
        return verdict.accepted() ? "accepted" : code(verdict);
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

        assertThat(code(verdict)).isEqualTo("too_short");
        assertThat(rejection(verdict).detail()).isEqualTo("2 words, fewer than the minimum of 3");
        assertThat(reasonFor("Explain gravity briefly.")).isEqualTo("accepted");
    }

    @Test
    void rejectsInstructionsLongerThanTheMaximumWordCount() {
        String words150 = "Describe" + " it".repeat(149);

        assertThat(reasonFor(words150)).isEqualTo("accepted");
        assertThat(rejection(heuristics.check(words150 + " now")).detail())
                .isEqualTo("151 words, more than the maximum of 150");
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

        assertThat(code(verdict)).isEqualTo("blacklisted_keyword");
        assertThat(rejection(verdict).detail()).contains("'images'");
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
        Filter<String> custom = SelfInstructFilters.instructionHeuristics(new InstructionFilterSettings(1, 10,
                List.of("spreadsheet")));

        assertThat(custom.check("Draw a cat with words.").accepted()).isTrue();
        assertThat(rejection(custom.check("Fill in the Spreadsheet columns.")).detail()).contains("'spreadsheet'");
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

        assertThat(code(verdict)).isEqualTo("starts_with_punctuation");
        assertThat(rejection(verdict).detail()).startsWith("starts with the punctuation '");
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
}
