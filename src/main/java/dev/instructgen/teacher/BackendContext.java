package dev.instructgen.teacher;

import dev.langchain4j.http.client.HttpClientBuilder;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a {@link TeacherBackend} gets to build its adapter: the settings, the environment (for the API key), the
 * shared HTTP transport, the clock (Retry-After dates) and where to warn (a server refusing an optional field).
 */
public record BackendContext(TeacherSettings settings, Function<String, String> env, HttpClientBuilder http,
                             Clock clock, Consumer<String> warnings) {

    /** A context whose warnings go nowhere. */
    public BackendContext(TeacherSettings settings, Function<String, String> env, HttpClientBuilder http,
                          Clock clock) {
        this(settings, env, http, clock, message -> { });
    }

    public BackendContext {
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
    }

    /** The API key from the variable named by {@code --api-key-env}, trimmed; null when none is set. */
    public String apiKey() {
        String key = settings.apiKeyEnv() == null ? null : env.apply(settings.apiKeyEnv());
        return key == null || key.isBlank() ? null : key.trim();
    }
}
