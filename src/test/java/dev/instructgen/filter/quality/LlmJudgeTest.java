package dev.instructgen.filter.quality;

import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Verdict;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.testing.ScriptedTeacher;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LlmJudgeTest {

    /** A teacher that plays the judge's replies in order, each of 100 prompt and 10 completion tokens. */
    private static ScriptedTeacher judgeReplying(String... replies) {
        ScriptedTeacher teacher = new ScriptedTeacher().named("judge");
        for (String reply : replies) {
            teacher.then(() -> new TeacherReply(reply, FinishReason.STOP, new TokenUsage(100, 10), Duration.ZERO));
        }
        return teacher;
    }

    private static LlmJudge judge(TeacherClient teacher, OnUnreadable onUnreadable) {
        return new LlmJudge(teacher, PromptLibrary.shipped().get(LlmJudge.TEMPLATE),
                new JudgeSettings(4.5, onUnreadable, JudgeSettings.DEFAULT_SAMPLING),
                new Provenance.TeacherRef("ollama", "judge", "127.0.0.1:11434"));
    }

    @Test
    void aScoreAtTheMinimumIsKeptAndTheRubricShowsTheExample() {
        ScriptedTeacher teacher = judgeReplying("{\"score\": 4.5, \"rationale\": \"fine\"}");
        LlmJudge.Judgement j = judge(teacher, OnUnreadable.DROP).judge("Name a river.", "", "The Danube.");
        assertThat(j.verdict().accepted()).isTrue();
        assertThat(j.quality()).isEqualTo(new Provenance.Quality(4.5, "fine",
                new Provenance.TeacherRef("ollama", "judge", "127.0.0.1:11434")));
        String prompt = teacher.requests().get(0).messages().get(0).content();
        assertThat(prompt).contains("Name a river.").contains("(none)").contains("The Danube.");
        assertThat(teacher.requests().get(0).stage()).isEqualTo(LlmJudge.STAGE);
    }

    @Test
    void aScoreBelowTheMinimumIsRejectedAsLowQualityWithTheScore() {
        LlmJudge.Judgement j = judge(judgeReplying("Score: 4/5"), OnUnreadable.DROP).judge("i", "x", "o");
        assertThat(j.verdict()).isInstanceOfSatisfying(Verdict.Reject.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.LOW_QUALITY);
            assertThat(r.detail()).startsWith("judge score 4.0 < --min-score 4.5");
        });
        assertThat(j.score()).isEqualTo(4.0);
    }

    @Test
    void anUnreadableVerdictIsAskedOnceMoreAndTheSecondAnswerCounts() {
        ScriptedTeacher teacher = judgeReplying("no idea", "{\"score\": 5, \"rationale\": \"ok\"}");
        LlmJudge.Judgement j = judge(teacher, OnUnreadable.DROP).judge("i", "", "o");
        assertThat(teacher.requests()).hasSize(2);
        assertThat(j.score()).isEqualTo(5.0);
        assertThat(j.usage()).isEqualTo(new TokenUsage(200, 20));
    }

    @Test
    void twoUnreadableVerdictsDropOrKeepAsAsked() {
        LlmJudge.Judgement dropped = judge(judgeReplying("?", "?"), OnUnreadable.DROP).judge("i", "", "o");
        assertThat(dropped.readable()).isFalse();
        assertThat(dropped.verdict()).isInstanceOfSatisfying(Verdict.Reject.class,
                r -> assertThat(r.reason()).isEqualTo(RejectionReason.JUDGE_UNREADABLE));
        LlmJudge.Judgement kept = judge(judgeReplying("?", "?"), OnUnreadable.KEEP).judge("i", "", "o");
        assertThat(kept.verdict().accepted()).isTrue();
        assertThat(kept.quality().score()).isNull();
    }

    @Test
    void theScoreRequestDeclaresAJsonSchemaWhoseReplyTheParserReadsAndAFencedReplyIsStillRead() throws Exception {
        ScriptedTeacher teacher = judgeReplying("Sure.\n```json\n{\"score\": 5, \"rationale\": \"right\"}\n```");
        LlmJudge.Judgement j = judge(teacher, OnUnreadable.DROP).judge("Name a river.", "", "The Danube.");
        assertThat(j.score()).isEqualTo(5.0);
        var schema = teacher.requests().get(0).responseSchema();
        assertThat(schema).isNotNull();
        assertThat(schema.name()).isEqualTo("judge_verdict");
        assertThat(schema.shape().toJsonSchema().toString()).contains("score={type=number}")
                .contains("rationale={type=string}");
        // what a server doing structured output returns, handed to the parser as the adapter does
        String structured = schema.asText().apply(dev.instructgen.dataset.JsonCodec.mapper()
                .readTree("{\"score\": 3.5, \"rationale\": \"misses a step\"}"));
        assertThat(new JudgeReplyParser().parse(structured))
                .contains(new JudgeReplyParser.Parsed(3.5, "misses a step"));
    }
}
