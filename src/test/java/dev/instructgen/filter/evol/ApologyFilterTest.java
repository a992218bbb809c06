package dev.instructgen.filter.evol;

import dev.instructgen.filter.Verdict;
import org.junit.jupiter.api.Test;

import static dev.instructgen.filter.Rejected.code;
import static dev.instructgen.filter.Rejected.rejection;
import static org.assertj.core.api.Assertions.assertThat;

class ApologyFilterTest {

    private final ApologyFilter filter = new ApologyFilter();

    @Test
    void rejectsAShortApology() {
        Verdict v = filter.check("I'm sorry, but I cannot help with that request.");
        assertThat(v.rejected()).isTrue();
        assertThat(code(v)).isEqualTo("response_apology");
        assertThat(rejection(v).detail()).contains("9 words");
    }

    @Test
    void matchesSorryInAnyCase() {
        assertThat(filter.check("SORRY. No.").rejected()).isTrue();
    }

    @Test
    void keepsALongAnswerThatSaysSorryInPassing() {
        String answer = "Sorry for the long answer. " + "The tide rises because the moon pulls the ocean. ".repeat(10);
        assertThat(dev.instructgen.filter.WordCountFilter.countWords(answer)).isGreaterThanOrEqualTo(80);
        assertThat(filter.check(answer).accepted()).isTrue();
    }

    @Test
    void theLimitIsEightyWords() {
        String seventyNine = "sorry " + "word ".repeat(78);
        String eighty = "sorry " + "word ".repeat(79);
        assertThat(filter.check(seventyNine).rejected()).isTrue();
        assertThat(filter.check(eighty).accepted()).isTrue();
    }

    @Test
    void keepsAShortAnswerWithoutAnApology() {
        assertThat(filter.check("Paris.").accepted()).isTrue();
    }
}
