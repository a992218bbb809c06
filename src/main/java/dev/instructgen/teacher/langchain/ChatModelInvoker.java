package dev.instructgen.teacher.langchain;

import dev.instructgen.teacher.ChatMessage;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * What both adapters do around a LangChain4j {@link ChatModel}: translate our request, time the call, translate
 * the reply (text, finish reason, token usage, latency), and send every failure through the one
 * {@link TeacherFailureMapper}. An empty reply is a retriable fault, not a reply.
 */
public final class ChatModelInvoker {

    private final ChatModel model;
    private final WireParameters parameters;
    private final WireFeatures features;
    private final TeacherFailureMapper failures;
    private final String host;

    /**
     * @param parameters how this wire format expresses our sampling (Ollama has no presence penalty, ...) and
     *                   the extras
     * @param features   which extras to send, and what the server refused so far
     */
    public ChatModelInvoker(ChatModel model, WireParameters parameters, WireFeatures features,
                            TeacherFailureMapper failures, String host) {
        this.model = model;
        this.parameters = parameters;
        this.features = features;
        this.failures = failures;
        this.host = host;
    }

    public TeacherReply invoke(TeacherRequest request) {
        long start = System.nanoTime();
        ChatResponse response;
        WireExtras extras;
        while (true) {
            extras = features.extrasFor(request);
            ChatRequest chatRequest = ChatRequest.builder()
                    .messages(toLangChain(request.messages()))
                    .parameters(parameters.of(request.sampling(), extras))
                    .build();
            try {
                response = model.chat(chatRequest);
                break;
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                // a refused extra is switched off for the run: at most once per extra, so this loop ends
                if (!features.refused(e, extras, host)) {
                    throw failures.map(e);
                }
            }
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        FinishReason finish = finishReason(response.finishReason());
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new RetriableTeacherException(FaultKind.EMPTY_CONTENT, "the teacher at " + host
                    + " returned empty content (finish reason " + finish.name().toLowerCase(java.util.Locale.ROOT)
                    + ")", null, null);
        }
        if (extras.schema() != null) {
            text = StructuredReply.asText(text, extras.schema());
        }
        return new TeacherReply(text, finish, usage(response.tokenUsage()), latency);
    }

    private static List<dev.langchain4j.data.message.ChatMessage> toLangChain(List<ChatMessage> messages) {
        return messages.stream().map(ChatModelInvoker::toLangChain).toList();
    }

    private static dev.langchain4j.data.message.ChatMessage toLangChain(ChatMessage message) {
        return switch (message.role()) {
            case SYSTEM -> SystemMessage.from(message.content());
            case USER -> UserMessage.from(message.content());
            case ASSISTANT -> AiMessage.from(message.content());
        };
    }

    static FinishReason finishReason(dev.langchain4j.model.output.FinishReason reason) {
        if (reason == null) {
            return FinishReason.OTHER;
        }
        return switch (reason) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    static TokenUsage usage(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage == null) {
            return TokenUsage.ZERO;
        }
        return new TokenUsage(orZero(usage.inputTokenCount()), orZero(usage.outputTokenCount()), cached(usage));
    }

    /**
     * Prompt tokens served from the server's prompt cache: OpenAI's {@code usage.prompt_tokens_details.cached_tokens},
     * which vLLM (with {@code --enable-prompt-tokens-details}) and llama.cpp server also send. Ollama's native API
     * reports no such count, so its replies have none.
     */
    private static long cached(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage instanceof dev.langchain4j.model.openai.OpenAiTokenUsage openAi
                && openAi.inputTokensDetails() != null) {
            return orZero(openAi.inputTokensDetails().cachedTokens());
        }
        return 0;
    }

    private static long orZero(Integer count) {
        return count == null ? 0 : count;
    }
}
