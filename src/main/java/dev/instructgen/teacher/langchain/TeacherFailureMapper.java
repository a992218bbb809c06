package dev.instructgen.teacher.langchain;

import com.fasterxml.jackson.core.JacksonException;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.PromptRejectedException;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherException;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.http.RetryAfterHttpException;
import dev.langchain4j.exception.HttpException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * The one place where LangChain4j and HTTP failures become our exception tree. Order matters: an HTTP status
 * wins over anything else in the cause chain, then timeouts (an {@link InterruptedIOException}, which
 * {@code SocketTimeoutException} extends), then connection failures, then unparseable bodies.
 *
 * <p>Messages name the host and model, never the key: the key's value is blanked out of any server text we
 * quote, and 401/403 name only the environment variable the key came from.
 */
public final class TeacherFailureMapper {

    private final TeacherIdentity identity;
    private final String apiKeyEnv;
    private final String apiKey;
    private final Clock clock;

    /**
     * @param apiKey the key in use, or null; only used to blank it out of quoted server text
     */
    public TeacherFailureMapper(TeacherIdentity identity, String apiKeyEnv, String apiKey, Clock clock) {
        this.identity = identity;
        this.apiKeyEnv = apiKeyEnv;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    public TeacherException map(Throwable failure) {
        HttpException http = find(failure, HttpException.class);
        if (http != null) {
            return fromStatus(http);
        }
        if (find(failure, InterruptedIOException.class) != null
                || find(failure, dev.langchain4j.exception.TimeoutException.class) != null
                || find(failure, java.net.http.HttpTimeoutException.class) != null) {
            if (Thread.currentThread().isInterrupted()) {
                throw cancelled(failure);
            }
            return retriable(FaultKind.TIMEOUT, "no reply from the teacher at " + identity.host()
                    + " within the timeout (raise --timeout for slow models)", null, failure);
        }
        if (find(failure, ConnectException.class) != null || find(failure, SocketException.class) != null
                || find(failure, UnknownHostException.class) != null
                || find(failure, UnresolvedAddressException.class) != null
                || find(failure, java.io.EOFException.class) != null) {
            return retriable(FaultKind.CONNECTION, "cannot reach the teacher at " + identity.host() + ": "
                    + describe(rootOf(failure)), null, failure);
        }
        if (find(failure, JacksonException.class) != null) {
            return retriable(FaultKind.MALFORMED_RESPONSE, "the teacher at " + identity.host()
                    + " answered with a body that is not valid JSON", null, failure);
        }
        if (find(failure, IOException.class) != null) {
            return retriable(FaultKind.CONNECTION, "I/O failure talking to the teacher at " + identity.host()
                    + ": " + describe(rootOf(failure)), null, failure);
        }
        // The exchange itself worked but the reply could not be turned into a chat response (missing fields,
        // no choices, ...): treat it like a broken body, worth another attempt.
        return retriable(FaultKind.MALFORMED_RESPONSE, "unexpected reply from the teacher at " + identity.host()
                + ": " + describe(rootOf(failure)), null, failure);
    }

    /**
     * How servers say a prompt does not fit the context: vLLM and OpenAI ("maximum context length",
     * "context_length_exceeded"), llama.cpp server ("exceeds the available context size").
     */
    private static final java.util.regex.Pattern CONTEXT_EXCEEDED = java.util.regex.Pattern.compile(
            "maximum context length|context_length_exceeded|exceeds the available context size|"
                    + "too many tokens|prompt is too long", java.util.regex.Pattern.CASE_INSENSITIVE);

    private TeacherException fromStatus(HttpException http) {
        int status = http.statusCode();
        Duration retryAfter = http instanceof RetryAfterHttpException withHeader
                ? withHeader.retryAfter().flatMap(v -> RetryAfter.parse(v, clock.instant())).orElse(null)
                : null;
        String host = identity.host();
        if (status == 429) {
            return retriable(FaultKind.RATE_LIMITED, "the teacher at " + host + " is rate limiting (HTTP 429)",
                    retryAfter, http);
        }
        if (status == 408) {
            return retriable(FaultKind.TIMEOUT, "the teacher at " + host + " timed out (HTTP 408)", retryAfter, http);
        }
        if (status >= 500) {
            return retriable(FaultKind.SERVER_ERROR, "the teacher at " + host + " failed (HTTP " + status + ")",
                    retryAfter, http);
        }
        if (status == 404) {
            return fatal(status, "model '" + identity.model() + "' not found at " + host
                    + " (HTTP 404): check --model and --teacher-url", http);
        }
        if (status == 401 || status == 403) {
            String message = apiKey == null || apiKey.isEmpty()
                    ? "the teacher at " + host + " requires an API key: set the environment variable " + apiKeyEnv
                    + " (HTTP " + status + ")"
                    : "the teacher at " + host + " rejected the API key from $" + apiKeyEnv + " (HTTP " + status + ")";
            return fatal(status, message, http);
        }
        if (status == 400 && CONTEXT_EXCEEDED.matcher(String.valueOf(http.getMessage())).find()) {
            return new PromptRejectedException(FaultKind.PROMPT_TOO_LONG, "the teacher at " + host
                    + " refused a prompt longer than the model's context (HTTP 400): "
                    + ServerReason.of(http.getMessage(), apiKey), scrub(http));
        }
        if (status >= 400) {
            return fatal(status, "the teacher at " + host + " rejected the request (HTTP " + status + "): "
                    + ServerReason.of(http.getMessage(), apiKey), http);
        }
        return retriable(FaultKind.SERVER_ERROR, "unexpected HTTP " + status + " from the teacher at " + host,
                retryAfter, http);
    }

    private RetriableTeacherException retriable(FaultKind kind, String message, Duration retryAfter,
                                                Throwable cause) {
        return new RetriableTeacherException(kind, message, retryAfter, scrub(cause));
    }

    private FatalTeacherException fatal(int status, String message, Throwable cause) {
        return new FatalTeacherException(status, message, scrub(cause));
    }

    /**
     * Keeps a cause for --verbose stack traces only when its messages cannot carry the key; server bodies
     * quoted in LangChain4j exceptions might echo it back.
     */
    private Throwable scrub(Throwable cause) {
        if (apiKey == null || apiKey.isEmpty()) {
            return cause;
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(apiKey)) {
                return null;
            }
        }
        return cause;
    }

    private String describe(Throwable root) {
        String message = root.getMessage();
        String text = message == null ? root.getClass().getSimpleName() : message;
        return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "[redacted]");
    }

    private static CancellationException cancelled(Throwable failure) {
        CancellationException cancelled = new CancellationException("teacher call interrupted");
        cancelled.initCause(failure);
        return cancelled;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
