package dev.instructgen.teacher.ollama;

import dev.instructgen.teacher.BackendContext;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherBackend;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.http.ModelListProbe;
import dev.instructgen.teacher.langchain.LangChainTeacherClient;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.instructgen.teacher.langchain.Schemas;
import dev.instructgen.teacher.langchain.WireExtras;
import dev.instructgen.teacher.langchain.WireFeatures;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaChatModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ollama's native {@code /api/chat} over LangChain4j's {@link OllamaChatModel}; base URL e.g.
 * {@code http://localhost:11434}. Ollama needs no key; when one is configured (an Ollama behind an
 * authenticating proxy) it is sent as a bearer token. Presence penalty is not part of Ollama's options and is
 * left out. LangChain4j's own retries are off: our retry layer does them.
 */
public final class OllamaBackend implements TeacherBackend {

    @Override
    public TeacherClient connect(BackendContext context) {
        TeacherSettings settings = context.settings();
        String key = context.apiKey();
        OllamaChatModel.OllamaChatModelBuilder builder = OllamaChatModel.builder()
                .httpClientBuilder(context.http())
                .baseUrl(settings.baseUrl().toString())
                .modelName(settings.model())
                .timeout(settings.timeout())
                .logRequests(false)
                .logResponses(false)
                .maxRetries(0);
        if (key != null) {
            String header = "Bearer " + key;
            builder.customHeaders(() -> Map.of("Authorization", header));
        }
        TeacherIdentity identity = new TeacherIdentity(TeacherApi.OLLAMA, settings.model(), settings.host());
        // Ollama has taken a JSON schema as "format" since 0.5: every Ollama is known to support it
        WireFeatures features = new WireFeatures(settings.reasoning(), settings.structured(), true,
                context.warnings());
        return new LangChainTeacherClient(identity, builder.build(), OllamaBackend::parameters, features,
                settings.apiKeyEnv(), key, context.http(), context.clock());
    }

    /**
     * {@code GET {base}/api/tags} lists the models pulled on this Ollama; one that is not there cannot answer, so
     * the run does not start (with Ollama's own advice, "try pulling it first").
     */
    @Override
    public void probe(BackendContext context, Consumer<String> warnings) {
        TeacherSettings settings = context.settings();
        String hint = "start Ollama (`ollama serve`, or `docker compose up ollama`) and pull " + settings.model();
        ModelListProbe.list(context, "/api/tags", hint).ifPresent(body -> {
            List<String> names = new ArrayList<>();
            body.path("models").forEach(entry -> {
                names.add(entry.path("name").asText());
                names.add(entry.path("model").asText());
            });
            if (!body.path("models").isArray() || served(names, settings.model())) {
                return;
            }
            throw new FatalTeacherException(404, "model '" + settings.model() + "' not found at " + settings.host()
                    + ", try pulling it first: `ollama pull " + settings.model() + "`"
                    + (names.isEmpty() ? " (no model is pulled there yet)"
                    : " (pulled there: " + ModelListProbe.some(names.stream().distinct().toList()) + ")"), null);
        });
    }

    /** Ollama calls "llama3" what it lists as "llama3:latest". */
    static boolean served(List<String> names, String model) {
        return names.contains(model) || (!model.contains(":") && names.contains(model + ":latest"));
    }

    static ChatRequestParameters parameters(Sampling sampling) {
        return parameters(sampling, new WireExtras(false, null));
    }

    /** {@code think: false} is Ollama's thinking switch (0.9 and later); the schema goes out as {@code format}. */
    static ChatRequestParameters parameters(Sampling sampling, WireExtras extras) {
        OllamaChatRequestParameters.Builder builder = OllamaChatRequestParameters.builder()
                .temperature(sampling.temperature())
                .topP(sampling.topP())
                .maxOutputTokens(sampling.maxTokens())
                .stopSequences(sampling.stop().isEmpty() ? null : sampling.stop());
        if (extras.thinkingOff()) {
            builder.think(false);
        }
        if (extras.schema() != null) {
            builder.responseFormat(Schemas.responseFormat(extras.schema()));
        }
        return builder.build();
    }
}
