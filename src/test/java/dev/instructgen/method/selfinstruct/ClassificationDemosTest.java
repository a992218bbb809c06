package dev.instructgen.method.selfinstruct;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ClassificationDemosTest {

    @Test
    void theShippedDemosHaveTwelveYesAndNineteenNoInNoFixedAlternation() throws IOException {
        String template = Files.readString(Path.of("prompts", "self-instruct", "classification.txt"));
        Matcher m = Pattern.compile("(?m)^Classification: (Yes|No)$").matcher(template);
        List<String> answers = m.results().map(r -> r.group(1)).toList();

        assertThat(answers).hasSize(31);
        assertThat(answers.stream().filter("Yes"::equals).count()).isEqualTo(12);
        boolean alternates = true;
        for (int i = 1; i < answers.size(); i++) {
            alternates &= !answers.get(i).equals(answers.get(i - 1));
        }
        assertThat(alternates).as("strict Yes/No alternation invites answering by position").isFalse();
    }
}
