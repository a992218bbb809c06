package dev.instructgen.teacher.langchain;

import dev.instructgen.teacher.ReasoningMode;
import dev.instructgen.teacher.StructuredMode;
import dev.instructgen.teacher.TeacherRequest;
import dev.langchain4j.exception.HttpException;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The optional parts of a request a server may refuse (the thinking switch, the response schema) and what this
 * run learned about them: once a server answers HTTP 400 naming one of them, it is left out of every later
 * request of the run (and the one refused is sent again without it). Servers that silently ignore an unknown
 * field (vLLM, llama.cpp server, Ollama) never trigger this; strict ones (OpenAI for a model without reasoning)
 * do.
 */
public final class WireFeatures {

    /** What a 400 body says when a server refuses our schema (OpenAI, vLLM, llama.cpp, Ollama wording). */
    private static final String[] SCHEMA_WORDS = {"response_format", "json_schema", "format", "schema"};
    /** ... and when it refuses the thinking switch. */
    private static final String[] THINKING_WORDS = {"chat_template_kwargs", "enable_thinking", "reasoning_effort",
            "think"};

    private final boolean thinkingOff;
    private final boolean schemas;
    private final AtomicBoolean thinkingRefused = new AtomicBoolean();
    private final AtomicBoolean schemaRefused = new AtomicBoolean();
    private final Consumer<String> warnings;

    /**
     * @param schemaKnownSupported whether {@code --structured auto} may send schemas to this server
     * @param warnings             told once per feature when a server refuses it
     */
    public WireFeatures(ReasoningMode reasoning, StructuredMode structured, boolean schemaKnownSupported,
                        Consumer<String> warnings) {
        this.thinkingOff = reasoning == ReasoningMode.OFF;
        this.schemas = structured == StructuredMode.ON || (structured == StructuredMode.AUTO && schemaKnownSupported);
        this.warnings = warnings;
    }

    /** The extras to send with this request now. */
    public WireExtras extrasFor(TeacherRequest request) {
        boolean schema = schemas && !schemaRefused.get() && request.responseSchema() != null;
        return new WireExtras(thinkingOff && !thinkingRefused.get(), schema ? request.responseSchema() : null);
    }

    /**
     * Whether {@code failure} is a server refusing one of the extras sent; if so, it is switched off for the run
     * and the caller sends the request again.
     */
    public boolean refused(RuntimeException failure, WireExtras sent, String host) {
        String body = badRequestBody(failure);
        if (body == null) {
            return false;
        }
        if (sent.schema() != null && mentions(body, SCHEMA_WORDS) && schemaRefused.compareAndSet(false, true)) {
            warnings.accept("the teacher at " + host + " refused structured output (HTTP 400); the rest of this"
                    + " run asks for plain text and parses it");
            return true;
        }
        if (sent.thinkingOff() && mentions(body, THINKING_WORDS) && thinkingRefused.compareAndSet(false, true)) {
            warnings.accept("the teacher at " + host + " refused the switch that turns thinking off (HTTP 400);"
                    + " the rest of this run sends none (--reasoning off has no effect there)");
            return true;
        }
        return false;
    }

    private static String badRequestBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http && http.statusCode() == 400) {
                return String.valueOf(http.getMessage()).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean mentions(String body, String[] words) {
        for (String word : words) {
            if (body.contains(word)) {
                return true;
            }
        }
        return false;
    }

}
