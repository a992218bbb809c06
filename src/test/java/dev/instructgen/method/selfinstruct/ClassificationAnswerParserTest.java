package dev.instructgen.method.selfinstruct;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassificationAnswerParserTest {

    private final ClassificationAnswerParser parser = new ClassificationAnswerParser();

    @Test
    void readsYesAndNoWhateverTheDecoration() {
        assertThat(parser.parse("Yes")).contains(true);
        assertThat(parser.parse(" no.")).contains(false);
        assertThat(parser.parse("**YES**")).contains(true);
        assertThat(parser.parse("Classification: No")).contains(false);
    }

    @Test
    void takesTheFirstAnswerWord() {
        assertThat(parser.parse("No, this is not a yes/no task")).contains(false);
    }

    @Test
    void doesNotMistakeWordsThatMerelyContainYesOrNo() {
        assertThat(parser.parse("Nothing to say; eyes closed")).isEmpty();
        assertThat(parser.parse("")).isEmpty();
    }
}
