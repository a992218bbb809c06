package dev.instructgen.teacher;

import java.util.Map;

/**
 * Where {@code --log-requests} writes each request and its reply or failure (requests.jsonl in the run
 * directory). The entries hold what was asked and answered, never a key or a header.
 */
@FunctionalInterface
public interface RequestLog {

    /** Logs nothing: the default without {@code --log-requests}. */
    RequestLog NONE = entry -> { };

    /** Appends one entry; thread-safe. */
    void append(Map<String, Object> entry);
}
