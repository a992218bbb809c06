package dev.instructgen.teacher.openai;

import dev.instructgen.teacher.BackendContext;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherBackend;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.http.ModelListProbe;
import dev.instructgen.teacher.LocalHosts;
import dev.instructgen.teacher.langchain.LangChainTeacherClient;
import dev.instructgen.teacher.langchain.Schemas;
import dev.instructgen.teacher.langchain.WireExtras;
import dev.instructgen.teacher.langchain.WireFeatures;
import dev.instructgen.teacher.langchain.WireParameters;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                // the schema is sent only to requests that carry one (WireFeatures decides), and strict so a
                // server that enforces it (OpenAI, vLLM's guided decoding) returns exactly the shape
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .strictJsonSchema(true)
                .build();
        TeacherIdentity identity = new TeacherIdentity(TeacherApi.OPENAI, settings.model(), settings.host());
        boolean openAi = isOpenAi(settings.host());
        WireFeatures features = new WireFeatures(settings.reasoning(), settings.structured(),
                openAi || LocalHosts.isLocal(settings.host()), context.warnings());
        WireParameters parameters = (sampling, extras) -> parameters(sampling, extras, openAi);
        return new LangChainTeacherClient(identity, model, parameters, features, settings.apiKeyEnv(), key,
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
        return parameters(sampling, new WireExtras(false, null), false);
    }

    /**
     * The thinking switch differs by server: OpenAI's own API knows only {@code reasoning_effort} (and refuses
     * unknown fields), while vLLM, SGLang and llama.cpp server pass {@code chat_template_kwargs} to the model's
     * chat template, whose {@code enable_thinking} Qwen3 and similar templates read. See docs/teacher.md.
     */
    public static ChatRequestParameters parameters(Sampling sampling, WireExtras extras, boolean openAi) {
        OpenAiChatRequestParameters.Builder builder = OpenAiChatRequestParameters.builder()
                .temperature(sampling.temperature())
                .topP(sampling.topP())
                .maxOutputTokens(sampling.maxTokens())
                .presencePenalty(sampling.presencePenalty())
                .stopSequences(sampling.stop().isEmpty() ? null : sampling.stop());
        if (extras.thinkingOff()) {
            if (openAi) {
                // the least reasoning OpenAI's reasoning models accept; a model without reasoning refuses the
                // field with a 400, after which WireFeatures leaves it out
                builder.reasoningEffort(MINIMAL_EFFORT);
            } else {
                builder.customParameters(Map.of("chat_template_kwargs", Map.of("enable_thinking", false)));
            }
        }
        if (extras.schema() != null) {
            builder.responseFormat(Schemas.responseFormat(extras.schema()));
        }
        return builder.build();
    }

    /** OpenAI's lowest reasoning effort (GPT-5 family; o-series models accept "low" and up). */
    static final String MINIMAL_EFFORT = "minimal";

    /** OpenAI's own API, as opposed to a server that speaks its wire format. */
    static boolean isOpenAi(String host) {
        return host.equals("api.openai.com") || host.startsWith("api.openai.com:");
    }
}
