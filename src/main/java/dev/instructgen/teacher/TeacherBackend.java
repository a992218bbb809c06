package dev.instructgen.teacher;

import java.util.function.Consumer;

/**
 * One wire format, registered under its {@link TeacherApi} in {@link TeacherBackends}: how to build the adapter
 * that sits at the bottom of the {@link TeacherStack}, and how to check before a run that its endpoint is there.
 */
public interface TeacherBackend {

    /** The adapter speaking this wire format; it owns the context's transport and closes it. */
    TeacherClient connect(BackendContext context);

    /**
     * Checks, before any request of a run, that a server answers at the base URL and serves the model.
     *
     * @param warnings told about doubts that should not stop the run
     * @throws FatalTeacherException when no server answers or it does not serve the model (exit 1)
     */
    void probe(BackendContext context, Consumer<String> warnings);
}
