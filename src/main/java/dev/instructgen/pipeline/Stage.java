package dev.instructgen.pipeline;

import java.util.Objects;
import java.util.function.Function;

/**
 * One stage of a method's {@link StageGraph}: what it does with one input (at most one teacher request and the
 * processing of its reply) and its priority. The engine turns each input into a {@link Job}; a stage never builds
 * its successors' jobs, it hands values on through {@link HandOff} along the edges the graph declares.
 *
 * @param name     the stage's name in the graph, e.g. "classification"
 * @param priority lower runs first ({@link Priorities})
 * @param label    the stage string a job puts on its teacher request (metrics group requests by it); usually the
 *                 name, per input where one stage sends several kinds of request (Evol-Instruct's operations)
 * @param work     the work on one input
 * @param <I>      what the stage takes in
 */
public record Stage<I>(String name, int priority, Function<? super I, String> label, Work<I> work) {

    public Stage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(work, "work");
    }

    public static <I> Stage<I> of(String name, int priority, Work<I> work) {
        return new Stage<>(name, priority, input -> name, work);
    }

    /** The work of a stage on one input. Teacher exceptions propagate to the engine, which drops the job. */
    @FunctionalInterface
    public interface Work<I> {
        void process(I input, HandOff handOff);
    }

    /** Where a stage's outputs go: each becomes a job of the next stage, queued by the engine. */
    @FunctionalInterface
    public interface HandOff {
        <T> void to(Stage<T> next, T input);
    }

    @Override
    public String toString() {
        return name;
    }
}
