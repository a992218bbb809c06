package dev.instructgen.teacher.reasoning;

import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.ReasoningMode;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReasoningRoomTeacherClientTest {

    /** Answers from a script and records the token limit of every request. */
    static final class Scripted implements TeacherClient {
        final Deque<TeacherReply> replies = new ArrayDeque<>();
        final List<Integer> limits = new ArrayList<>();

        Scripted then(String text, FinishReason finish) {
            replies.add(new TeacherReply(text, finish, new TokenUsage(10, 3), Duration.ofMillis(5)));
            return this;
        }

        @Override
        public TeacherReply complete(TeacherRequest request) {
            limits.add(request.sampling().maxTokens());
            return replies.remove();
        }

        @Override
        public TeacherIdentity identity() {
            return new TeacherIdentity(TeacherApi.OLLAMA, "qwen3", "localhost:11434");
        }
    }

    static TeacherRequest classification() {
        return TeacherRequest.ofUserPrompt("classification", "Is it a classification task?", Sampling.greedy(3));
    }

    @Test
    void aReplyCutOffInsideThinkingIsSentOnceMoreWithRoomAndTheSecondReplyCountsBothCalls() {
        Scripted inner = new Scripted().then("<think>Let me see, the task", FinishReason.LENGTH)
                .then("<think>It asks for a label.</think>Yes", FinishReason.STOP);
        TeacherReply reply = new ReasoningRoomTeacherClient(inner, ReasoningMode.AUTO).complete(classification());

        assertThat(reply.text()).endsWith("Yes");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.usage()).isEqualTo(new TokenUsage(20, 6));
        assertThat(inner.limits).containsExactly(3, 3 + ReasoningRoomTeacherClient.REASONING_ALLOWANCE);
    }

    @Test
    void aSecondCutOffIsReturnedAsItIsWithoutAThirdCall() {
        Scripted inner = new Scripted().then("<think>Hmm", FinishReason.LENGTH).then("<think>Hmm, still", FinishReason.LENGTH);
        TeacherReply reply = new ReasoningRoomTeacherClient(inner, ReasoningMode.AUTO).complete(classification());

        assertThat(reply.wasCutOff()).isTrue();
        assertThat(inner.limits).hasSize(2);
    }

    @Test
    void aReplyCutOffAfterItsThinkingClosedIsNotSentAgain() {
        Scripted inner = new Scripted().then("<think>ok</think>Ye", FinishReason.LENGTH);
        new ReasoningRoomTeacherClient(inner, ReasoningMode.AUTO).complete(classification());
        assertThat(inner.limits).containsExactly(3);
    }

    @Test
    void autoRaisesShortLimitsOnlyAfterAReplyShowedReasoning() {
        Scripted inner = new Scripted().then("Yes", FinishReason.STOP)
                .then("<think>quick</think>No", FinishReason.STOP)
                .then("<think>again</think>Yes", FinishReason.STOP);
        ReasoningRoomTeacherClient client = new ReasoningRoomTeacherClient(inner, ReasoningMode.AUTO);
        client.complete(classification());
        client.complete(classification());
        client.complete(classification());
        assertThat(inner.limits).containsExactly(3, 3, 3 + ReasoningRoomTeacherClient.REASONING_ALLOWANCE);
    }

    @Test
    void onRaisesShortLimitsFromTheFirstRequestButLeavesLongOnesAlone() {
        Scripted inner = new Scripted().then("Yes", FinishReason.STOP).then("A long answer", FinishReason.STOP);
        ReasoningRoomTeacherClient client = new ReasoningRoomTeacherClient(inner, ReasoningMode.ON);
        client.complete(classification());
        client.complete(TeacherRequest.ofUserPrompt("response", "Answer", Sampling.greedy(2048)));
        assertThat(inner.limits).containsExactly(3 + ReasoningRoomTeacherClient.REASONING_ALLOWANCE, 2048);
    }
}
