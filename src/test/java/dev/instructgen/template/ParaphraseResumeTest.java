package dev.instructgen.template;

import dev.instructgen.licensing.TeacherTermsPolicy;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.testing.ScriptedTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An interrupted {@code --paraphrase-templates} run keeps the answers it got; the next run asks only for the rest. */
class ParaphraseResumeTest {

    private static final Pattern SHOWN = Pattern.compile("Instruction:\\n(.*)\\n");

    @TempDir
    Path tmp;

    private final List<String> warnings = new ArrayList<>();

    private static TeacherReply reword(TeacherRequest request) {
        Matcher m = SHOWN.matcher(ScriptedTeacher.prompt(request));
        String instruction = m.find() ? m.group(1) : "?";
        return ScriptedTeacher.reply("1. Please: " + instruction + "\n2. Kindly, " + instruction);
    }

    private Path task() throws IOException {
        Path file = tmp.resolve("sum.yaml");
        Files.writeString(file, """
                name: sum
                fields: {document: document, summary: summary}
                templates:
                  - {id: s-1, instruction: "Summarise the article.", input: "{document}", output: "{summary}"}
                  - {id: s-2, instruction: "Write a one-line summary.", input: "{document}", output: "{summary}"}
                """);
        return file;
    }

    private Path csv() throws IOException {
        StringBuilder text = new StringBuilder("document,summary\n");
        for (int i = 0; i < 12; i++) {
            text.append("Article ").append(i).append(",Summary ").append(i).append('\n');
        }
        return Files.writeString(tmp.resolve("news.csv"), text);
    }

    private TemplateRun.Report run(ScriptedTeacher teacher) throws IOException {
        Paraphrasing paraphrasing = new Paraphrasing(2, teacher, PromptLibrary.shipped().get(TemplateParaphraser.PROMPT),
                TeacherTermsPolicy.loadDefault().termsFor(teacher.identity()), warnings::add);
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        return new TemplateRun(clock, "test").run(csv(), task(), "CC-BY-4.0", 42, tmp.resolve("run"), paraphrasing);
    }

    @Test
    void anAnswerGotBeforeTheTeacherFailedIsNotAskedForAgain() throws IOException {
        ScriptedTeacher failing = new ScriptedTeacher()
                .then(() -> ScriptedTeacher.reply("1. Please: Summarise the article.\n2. Kindly, summarise it."))
                .then(() -> {
                    throw new FatalTeacherException(400, "scripted refusal", null);
                });
        assertThatThrownBy(() -> run(failing)).isInstanceOf(FatalTeacherException.class);
        assertThat(tmp.resolve("run")).doesNotExist();
        assertThat(Files.readAllLines(tmp.resolve(".run.paraphrases.jsonl"))).hasSize(1)
                .allSatisfy(l -> assertThat(l).contains("\"template\":\"s-1\""));

        ScriptedTeacher second = ScriptedTeacher.answering(ParaphraseResumeTest::reword);
        TemplateRun.Report report = run(second);

        assertThat(second.calls()).as("only s-2 is asked").isEqualTo(1);
        assertThat(ScriptedTeacher.prompt(second.requests().get(0))).contains("Write a one-line summary.");
        assertThat(report.records()).isEqualTo(12);
        assertThat(Files.readAllLines(tmp.resolve("run/paraphrases.jsonl"))).hasSize(2);
        assertThat(tmp.resolve(".run.paraphrases.jsonl")).doesNotExist();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aLineTornByACrashAtTheEndOfTheJournalIsIgnored() throws IOException {
        ScriptedTeacher first = ScriptedTeacher.answering(ParaphraseResumeTest::reword);
        run(first);
        Files.move(tmp.resolve("run/paraphrases.jsonl"), tmp.resolve(".run.paraphrases.jsonl"));
        Files.writeString(tmp.resolve(".run.paraphrases.jsonl"), "{\"template\":\"s-", StandardOpenOption.APPEND);

        ScriptedTeacher second = ScriptedTeacher.answering(ParaphraseResumeTest::reword);
        run(second);

        assertThat(second.calls()).isZero();
    }

    @Test
    void theParserKeepsOnlyNewWordingsWithTheSamePlaceholders() {
        TemplateParaphraser.Answer answer = TemplateParaphraser.parse("""
                1. Summarise {document} briefly.
                2) "Give the gist of {document}."
                3. Summarise the text.
                - Summarise {document} briefly.
                4. Sum up {document} for {reader}.
                5. Condense {document}.
                """, "Summarise {document}.", 3);

        assertThat(answer.paraphrases()).containsExactly("Summarise {document} briefly.", "Give the gist of {document}.",
                "Condense {document}.");
        assertThat(answer.refused()).isEqualTo(3);
    }
}
