package dev.instructgen.teacher.openai;

import dev.instructgen.teacher.BackendContext;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherBackend;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.http.ModelListProbe;
import dev.instructgen.teacher.langchain.LangChainTeacherClient;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * OpenAI-compatible {@code /v1/chat/completions} (OpenAI, vLLM, llama.cpp server, LM Studio, gateways) over
 * LangChain4j's {@link OpenAiChatModel}. The base URL is used as given, e.g. {@code http://localhost:8000/v1}.
 *
 * <p>LangChain4j's own retries are off ({@code maxRetries(0)}): our retry layer does them, and two layers would
 * multiply attempts. Local servers need no key, but the model insists on one, so a placeholder is sent then.
 */
public final class OpenAiBackend implements TeacherBackend {

    /** Sent when no key is configured; local OpenAI-compatible servers ignore the Authorization header. */
    static final String NO_KEY_PLACEHOLDER = "no-key";

    @Override
    public TeacherClient connect(BackendContext context) {
        TeacherSettings settings = context.settings();
        String key = context.apiKey();
        OpenAiChatModel model = OpenAiChatModel.builder()
                .httpClientBuilder(context.http())
                .baseUrl(settings.baseUrl().toString())
                .apiKey(key != null ? key : NO_KEY_PLACEHOLDER)
                .modelName(settings.model())
                .timeout(settings.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
        TeacherIdentity identity = new TeacherIdentity(TeacherApi.OPENAI, settings.model(), settings.host());
        return new LangChainTeacherClient(identity, model, OpenAiBackend::parameters, settings.apiKeyEnv(), key,
                context.http(), context.clock());
    }

    /**
     * {@code GET {base}/models}. A model missing from the list only warns: llama.cpp server answers for any
     * name, and some gateways route names they do not list; a real mismatch is a 404 on the first request.
     */
    @Override
    public void probe(BackendContext context, Consumer<String> warnings) {
        TeacherSettings settings = context.settings();
        String hint = "start the OpenAI-compatible server (e.g. `vllm serve " + settings.model()
                + "`, or `docker compose up vllm`) or correct --teacher-url";
        ModelListProbe.list(context, "/models", hint).ifPresent(body -> {
            List<String> ids = new ArrayList<>();
            body.path("data").forEach(entry -> ids.add(entry.path("id").asText()));
            if (!ids.isEmpty() && !ids.contains(settings.model())) {
                warnings.accept("the teacher at " + settings.host() + " does not list model '" + settings.model()
                        + "' (it lists " + ModelListProbe.some(ids) + "); check --model if the first request fails");
            }
        });
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
}
