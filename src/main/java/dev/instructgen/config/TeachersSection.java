package dev.instructgen.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.PoolEndpoint;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.TeacherUrl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The config file's {@code teachers:} list, a pool of endpoints (docs/teacher.md, "A pool of endpoints"):
 *
 * <pre>
 * teachers:
 *   - {url: http://gpu-a:8000/v1, weight: 2, max-concurrency: 32}
 *   - {url: http://gpu-b:11434, api: ollama, model: qwen2.5:7b}
 * </pre>
 *
 * {@code api} and {@code model} default to {@code --teacher-api} and {@code --model}; {@code weight} to 1;
 * {@code max-concurrency} to the pool's {@code --concurrency}.
 */
public final class TeachersSection {

    public static final String KEY = "teachers";
    private static final Set<String> FIELDS = Set.of("url", "weight", "max-concurrency", "api", "model");

    private TeachersSection() {
    }

    /** @param where the config file, for error messages */
    public static List<PoolEndpoint> endpoints(JsonNode list, TeacherSettings defaults, String where) {
        List<PoolEndpoint> endpoints = new ArrayList<>();
        int n = 0;
        for (JsonNode entry : list) {
            n++;
            String at = where + ": teachers[" + n + "]";
            if (!entry.isObject()) {
                throw new BadInputException(at + " must be a mapping with url (and optionally weight, "
                        + "max-concurrency, api, model)");
            }
            entry.fieldNames().forEachRemaining(field -> {
                if (!FIELDS.contains(field)) {
                    throw new BadInputException(at + ": unknown key '" + field + "' (expected one of url, weight, "
                            + "max-concurrency, api, model)");
                }
            });
            if (!entry.path("url").isTextual()) {
                throw new BadInputException(at + " needs a url, e.g. url: http://localhost:8000/v1");
            }
            TeacherApi api = entry.has("api") ? api(entry.path("api").asText(), at) : defaults.api();
            String model = entry.has("model") ? entry.path("model").asText() : defaults.model();
            endpoints.add(new PoolEndpoint(TeacherUrl.parse(entry.path("url").asText()),
                    whole(entry, "weight", 1, at), whole(entry, "max-concurrency", 0, at), api, model));
        }
        if (endpoints.isEmpty()) {
            throw new BadInputException(where + ": 'teachers' lists no endpoint");
        }
        return endpoints;
    }

    private static TeacherApi api(String name, String at) {
        for (TeacherApi api : TeacherApi.values()) {
            if (api.wireName().equals(name.toLowerCase(Locale.ROOT))) {
                return api;
            }
        }
        throw new BadInputException(at + ": api '" + name + "' is not one of openai, ollama");
    }

    private static int whole(JsonNode entry, String field, int fallback, String at) {
        JsonNode value = entry.path(field);
        if (value.isMissingNode()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new BadInputException(at + ": " + field + " must be a whole number, was " + value);
        }
        return value.asInt();
    }
}
