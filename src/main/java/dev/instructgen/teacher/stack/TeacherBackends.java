package dev.instructgen.teacher.stack;

import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherBackend;
import dev.instructgen.teacher.ollama.OllamaBackend;
import dev.instructgen.teacher.openai.OpenAiBackend;

import java.util.EnumMap;
import java.util.Map;

/**
 * The registry of wire formats: which {@link TeacherBackend} serves each {@link TeacherApi}. A new backend (the
 * Batch API, a pool of endpoints) is one {@link TeacherApi} constant and one {@link #with} line in
 * {@link #standard()}; the stack that wraps it does not change.
 */
public final class TeacherBackends {

    private final Map<TeacherApi, TeacherBackend> backends;

    private TeacherBackends(Map<TeacherApi, TeacherBackend> backends) {
        this.backends = backends;
    }

    /** The backends shipped with instructgen. */
    public static TeacherBackends standard() {
        return new TeacherBackends(new EnumMap<>(TeacherApi.class))
                .with(TeacherApi.OPENAI, new OpenAiBackend())
                .with(TeacherApi.OLLAMA, new OllamaBackend());
    }

    /** A registry like this one with {@code api} served by {@code backend} (replacing any earlier one). */
    public TeacherBackends with(TeacherApi api, TeacherBackend backend) {
        Map<TeacherApi, TeacherBackend> copy = new EnumMap<>(TeacherApi.class);
        copy.putAll(backends);
        copy.put(api, backend);
        return new TeacherBackends(copy);
    }

    public TeacherBackend forApi(TeacherApi api) {
        TeacherBackend backend = backends.get(api);
        if (backend == null) {
            throw new IllegalStateException("no teacher backend registered for --teacher-api " + api.wireName());
        }
        return backend;
    }
}
