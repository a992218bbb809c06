package dev.instructgen.teacher.openai;

import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.langchain.ChatModelInvoker;
import dev.instructgen.teacher.langchain.TeacherFailureMapper;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;

import java.time.Clock;
import java.util.function.Function;

/**
 * Adapter for OpenAI-compatible {@code /v1/chat/completions} (OpenAI, vLLM, llama.cpp server, LM Studio,
 * gateways) over LangChain4j's {@link OpenAiChatModel}. The base URL is used as given, e.g.
 * {@code http://localhost:8000/v1}.
 *
 * <p>LangChain4j's own retries are off ({@code maxRetries(0)}): our retry layer does them, and two layers would
 * multiply attempts. Local servers need no key, but the model insists on one, so a placeholder is sent then.
 */
public final class OpenAiTeacherClient implements TeacherClient {

    /** Sent when no key is configured; local OpenAI-compatible servers ignore the Authorization header. */
    static final String NO_KEY_PLACEHOLDER = "no-key";

    private final TeacherIdentity identity;
    private final ChatModelInvoker invoker;
    private final HttpClientBuilder http;

    public OpenAiTeacherClient(TeacherSettings settings, Function<String, String> env,
                               HttpClientBuilder http, Clock clock) {
        this.http = http;
        this.identity = new TeacherIdentity(TeacherApi.OPENAI, settings.model(), settings.host());
        String key = settings.apiKeyEnv() == null ? null : env.apply(settings.apiKeyEnv());
        boolean hasKey = key != null && !key.isBlank();
        OpenAiChatModel model = OpenAiChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(settings.baseUrl().toString())
                .apiKey(hasKey ? key.trim() : NO_KEY_PLACEHOLDER)
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
        TeacherFailureMapper failures =
                new TeacherFailureMapper(identity, settings.apiKeyEnv(), hasKey ? key.trim() : null, clock);
        this.invoker = new ChatModelInvoker(model, OpenAiTeacherClient::parameters, failures, identity.host());
    }

    static ChatRequestParameters parameters(Sampling sampling) {
        return OpenAiChatRequestParameters.builder()
                .temperature(sampling.temperature())
                .topP(sampling.topP())
                .maxOutputTokens(sampling.maxTokens())
                .presencePenalty(sampling.presencePenalty())
                .stopSequences(sampling.stop().isEmpty() ? null : sampling.stop())
                .build();
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        return invoker.invoke(request);
    }

    @Override
    public TeacherIdentity identity() {
        return identity;
    }

    /** Closes the transport (its dispatcher threads and pooled connections) when this adapter owns it. */
    @Override
    public void close() {
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the HTTP transport failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "OpenAiTeacherClient[" + identity.model() + " at " + identity.host() + "]";
    }
}
