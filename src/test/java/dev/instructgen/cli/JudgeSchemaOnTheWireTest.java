package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeJudge;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code --structured on} the judge's score requests carry its JSON schema on the wire (OpenAI
 * {@code response_format}), sharing the teacher's stack; the judge's JSON replies and its fenced or prose ones are
 * read alike.
 */
class JudgeSchemaOnTheWireTest {

    @TempDir
    Path dir;

    @Test
    void underStructuredOnTheJudgesRequestsDeclareItsSchemaAndItsRepliesAreScored() throws Exception {
        SyntheticSelfInstructTeacher generator = new SyntheticSelfInstructTeacher(9, 6);
        FakeJudge judge = new FakeJudge();
        Function<String, String> responder = p -> p.contains(FakeJudge.RUBRIC_MARK) ? judge.apply(p)
                : generator.apply(p);
        Path run = dir.resolve("run");
        StringWriter err = new StringWriter();
        try (FakeTeacherServer server = FakeTeacherServer.start(responder, Duration.ZERO, 2)) {
            int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true)).execute("self-instruct", "--seeds", "seeds/seed_tasks.jsonl",
                    "--out", run.toString(), "--teacher-url", server.openAiUrl(), "--model", "m", "--target", "8",
                    "--concurrency", "1", "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY", "--structured", "on",
                    "--judge");
            assertThat(exit).as(err.toString()).isZero();
            List<JsonNode> judgeRequests = server.requestBodies().stream().map(JudgeSchemaOnTheWireTest::json)
                    .filter(b -> b.toString().contains(FakeJudge.RUBRIC_MARK)).toList();
            assertThat(judgeRequests).isNotEmpty().allSatisfy(b -> {
                JsonNode schema = b.path("response_format").path("json_schema");
                assertThat(schema.path("name").asText()).isEqualTo("judge_verdict");
                assertThat(schema.path("schema").path("properties").path("score").path("type").asText())
                        .isEqualTo("number");
            });
        }
        for (JsonNode e : JudgeEndToEndTest.lines(run.resolve("examples.jsonl"))) {
            assertThat(e.path("provenance").path("quality").path("score").asDouble()).isGreaterThanOrEqualTo(4.5);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JsonCodec.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
