package dev.instructgen.filter.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeReplyParserTest {

    private final JudgeReplyParser parser = new JudgeReplyParser();

    @Test
    void bareJsonGivesScoreAndRationale() {
        assertThat(parser.parse("{\"score\": 4.5, \"rationale\": \"helpful and correct\"}"))
                .contains(new JudgeReplyParser.Parsed(4.5, "helpful and correct"));
    }

    @Test
    void jsonInACodeFenceAfterProseIsFound() {
        assertThat(parser.parse("Sure, here is my verdict:\n```json\n{\"score\": \"3\", \"rationale\": \"gaps\"}\n```"))
                .contains(new JudgeReplyParser.Parsed(3.0, "gaps"));
    }

    @Test
    void aReasoningBlockIsIgnoredEvenWhenItMentionsAnotherScore() {
        assertThat(parser.parse("<think>maybe {\"score\": 1}? no</think>{\"score\": 5, \"rationale\": \"ok\"}"))
                .contains(new JudgeReplyParser.Parsed(5.0, "ok"));
    }

    @Test
    void scoreOutOfFiveInProseIsRead() {
        assertThat(parser.parse("Score: 4/5\nRationale: mostly right")).contains(
                new JudgeReplyParser.Parsed(4.0, "mostly right"));
    }

    @Test
    void scoreOnAnotherScaleIsScaledToFive() {
        assertThat(parser.parse("**Rating:** 8 out of 10")).get().extracting(JudgeReplyParser.Parsed::score)
                .isEqualTo(4.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "I cannot rate this.", "{\"score\": 7}", "{\"verdict\": \"good\"}",
            "<think>still thinking", "Score: -1"})
    void repliesWithoutAScoreInZeroToFiveAreUnreadable(String reply) {
        assertThat(parser.parse(reply)).isEmpty();
    }
}
