package dev.instructgen.teacher.wire;

import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.langchain.WireExtras;
import dev.instructgen.teacher.openai.OpenAiBackend;
import dev.langchain4j.model.chat.request.ChatRequestParameters;

/** Reaches {@link OpenAiBackend}'s parameters for a host we cannot fake on loopback (api.openai.com). */
final class OpenAiBackendAccess {

    private OpenAiBackendAccess() {
    }

    static ChatRequestParameters parameters(Sampling sampling, boolean openAi) {
        return OpenAiBackend.parameters(sampling, new WireExtras(true, null), openAi);
    }
}
