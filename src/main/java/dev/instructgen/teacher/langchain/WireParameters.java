package dev.instructgen.teacher.langchain;

import dev.instructgen.teacher.Sampling;
import dev.langchain4j.model.chat.request.ChatRequestParameters;

/** How one wire format expresses our sampling and the request's extras (thinking switch, response schema). */
@FunctionalInterface
public interface WireParameters {

    ChatRequestParameters of(Sampling sampling, WireExtras extras);
}
