package dev.instructgen.teacher.ollama;

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
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaChatModel;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Adapter for Ollama's native {@code /api/chat} over LangChain4j's {@link OllamaChatModel}; base URL e.g.
 * {@code http://localhost:11434}. Ollama needs no key; when one is configured (an Ollama behind an
 * authenticating proxy) it is sent as a bearer token. Presence penalty is not part of Ollama's options and is
 * left out. LangChain4j's own retries are off: our retry layer does them.
 */
public final class OllamaTeacherClient implements TeacherClient {

    private final TeacherIdentity identity;
    private final ChatModelInvoker invoker;
    private final HttpClientBuilder http;

    public OllamaTeacherClient(TeacherSettings settings, Function<String, String> env,
                               HttpClientBuilder http, Clock clock) {
        this.http = http;
        this.identity = new TeacherIdentity(TeacherApi.OLLAMA, settings.model(), settings.host());
        String key = settings.apiKeyEnv() == null ? null : env.apply(settings.apiKeyEnv());
        boolean hasKey = key != null && !key.isBlank();
        OllamaChatModel.OllamaChatModelBuilder builder = OllamaChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(settings.baseUrl().toString())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .logRequests(false)
                .logResponses(false)
                .maxRetries(0);
        if (hasKey) {
            String header = "Bearer " + key.trim();
            builder.customHeaders(() -> Map.of("Authorization", header));
        }
        OllamaChatModel model = builder.build();
        TeacherFailureMapper failures =
                new TeacherFailureMapper(identity, settings.apiKeyEnv(), hasKey ? key.trim() : null, clock);
        this.invoker = new ChatModelInvoker(model, OllamaTeacherClient::parameters, failures, identity.host());
    }

    static ChatRequestParameters parameters(Sampling sampling) {
        return DefaultChatRequestParameters.builder()
                .temperature(sampling.temperature())
                .topP(sampling.topP())
                .maxOutputTokens(sampling.maxTokens())
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
        return "OllamaTeacherClient[" + identity.model() + " at " + identity.host() + "]";
    }
}
