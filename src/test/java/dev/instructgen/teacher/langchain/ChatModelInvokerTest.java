package dev.instructgen.teacher.langchain;

import dev.instructgen.teacher.ChatMessage;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChatModelInvokerTest {

    final AtomicReference<ChatRequest> seen = new AtomicReference<>();

    ChatModelInvoker invoker(ChatResponse response) {
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                seen.set(request);
                return response;
            }
        };
        TeacherIdentity identity = new TeacherIdentity(TeacherApi.OPENAI, "m", "localhost:1");
        return new ChatModelInvoker(model,
                (sampling, extras) -> DefaultChatRequestParameters.builder().temperature(sampling.temperature())
                        .build(),
                new WireFeatures(dev.instructgen.teacher.ReasoningMode.AUTO, dev.instructgen.teacher.StructuredMode.OFF,
                        false, message -> { }),
                new TeacherFailureMapper(identity, "K", null, Clock.systemUTC()), identity.host());
    }

    static ChatResponse response(String text, dev.langchain4j.model.output.FinishReason reason,
                                 dev.langchain4j.model.output.TokenUsage usage) {
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).finishReason(reason).tokenUsage(usage).build();
    }

    static TeacherRequest request() {
        return new TeacherRequest("test", List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"),
                ChatMessage.assistant("Hello"), ChatMessage.user("Again")), Sampling.greedy(8));
    }

    @Test
    void keepsRolesAndOrderOfTheMessages() {
        invoker(response("x", dev.langchain4j.model.output.FinishReason.STOP, null)).invoke(request());

        assertThat(seen.get().messages()).hasSize(4);
        assertThat(seen.get().messages().get(0)).isInstanceOf(SystemMessage.class);
        assertThat(seen.get().messages().get(2)).isInstanceOf(AiMessage.class);
        assertThat(seen.get().parameters().temperature()).isEqualTo(0.0);
    }

    @Test
    void mapsContentFilterAndToolCallsAndMissingReasons() {
        assertThat(invoker(response("x", dev.langchain4j.model.output.FinishReason.CONTENT_FILTER, null))
                .invoke(request()).finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(invoker(response("x", dev.langchain4j.model.output.FinishReason.TOOL_EXECUTION, null))
                .invoke(request()).finishReason()).isEqualTo(FinishReason.OTHER);
        assertThat(invoker(response("x", null, null)).invoke(request()).finishReason()).isEqualTo(FinishReason.OTHER);
    }

    @Test
    void missingUsageCountsAsZeroAndPartialUsageKeepsWhatIsKnown() {
        TeacherReply none = invoker(response("x", null, null)).invoke(request());
        TeacherReply partial = invoker(response("x", null, new dev.langchain4j.model.output.TokenUsage(7, null)))
                .invoke(request());

        assertThat(none.usage()).isEqualTo(TokenUsage.ZERO);
        assertThat(partial.usage()).isEqualTo(new TokenUsage(7, 0));
    }

    @Test
    void blankTextIsAnEmptyContentFault() {
        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> invoker(response("  \n", dev.langchain4j.model.output.FinishReason.LENGTH, null))
                        .invoke(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.EMPTY_CONTENT);
        assertThat(e.getMessage()).contains("finish reason length");
    }
}
