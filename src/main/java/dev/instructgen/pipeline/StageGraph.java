package dev.instructgen.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stages of a method and which stage may hand work to which: Self-Instruct is
 * {@code instruction-generation -> classification -> instance-generation}, Evol-Instruct
 * {@code rewrite -> judge -> response} (and {@code rewrite -> response} without the judge). The engine owns the
 * follow-ups: {@link #bind} gives the method a {@link Jobs} factory whose jobs queue their hand-offs on the
 * scheduler at the next stage's priority, and refuses a hand-off along an edge the graph does not declare.
 */
public final class StageGraph {

    private final Map<String, Stage<?>> stages;
    private final Map<String, Set<String>> edges;

    private StageGraph(Map<String, Stage<?>> stages, Map<String, Set<String>> edges) {
        this.stages = stages;
        this.edges = edges;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The stages in declaration order (first the entry stage). */
    public List<Stage<?>> stages() {
        return List.copyOf(stages.values());
    }

    /** The stages {@code from} may hand work to. */
    public Set<String> next(Stage<?> from) {
        return edges.getOrDefault(from.name(), Set.of());
    }

    /** Binds the graph to a run's scheduler. */
    public Jobs bind(Scheduler scheduler) {
        return new Jobs(scheduler);
    }

    /** Makes the jobs of a bound graph; handed to the method's {@link JobSource}. */
    public final class Jobs {
        private final Scheduler scheduler;

        private Jobs(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        /** A job of {@code stage} on {@code input}; its hand-offs are queued as jobs of the next stages. */
        public <I> Job job(Stage<I> stage, I input) {
            if (stages.get(stage.name()) != stage) {
                throw new IllegalArgumentException("stage " + stage + " is not part of this method's graph");
            }
            return new StageJob<>(stage, input);
        }

        private final class StageJob<I> implements Job, Stage.HandOff {
            private final Stage<I> stage;
            private final I input;

            StageJob(Stage<I> stage, I input) {
                this.stage = stage;
                this.input = input;
            }

            @Override
            public String stage() {
                return stage.label().apply(input);
            }

            @Override
            public int priority() {
                return stage.priority();
            }

            @Override
            public void run() {
                stage.work().process(input, this);
            }

            @Override
            public <T> void to(Stage<T> next, T value) {
                if (!edges.getOrDefault(stage.name(), Set.of()).contains(next.name())) {
                    throw new IllegalStateException("stage " + stage + " may not hand work to " + next);
                }
                scheduler.submit(job(next, value));
            }
        }
    }

    public static final class Builder {
        private final Map<String, Stage<?>> stages = new LinkedHashMap<>();
        private final Map<String, Set<String>> edges = new LinkedHashMap<>();
        private final List<String[]> pending = new ArrayList<>();

        public Builder stage(Stage<?> stage) {
            if (stages.putIfAbsent(stage.name(), stage) != null) {
                throw new IllegalArgumentException("two stages named " + stage.name());
            }
            return this;
        }

        /** Declares that {@code from} hands work to {@code to}. */
        public Builder edge(Stage<?> from, Stage<?> to) {
            pending.add(new String[]{Objects.requireNonNull(from).name(), Objects.requireNonNull(to).name()});
            return this;
        }

        public StageGraph build() {
            for (String[] e : pending) {
                if (!stages.containsKey(e[0]) || !stages.containsKey(e[1])) {
                    throw new IllegalArgumentException("edge " + e[0] + " -> " + e[1] + " names an undeclared stage");
                }
                edges.computeIfAbsent(e[0], k -> new LinkedHashSet<>()).add(e[1]);
            }
            return new StageGraph(new LinkedHashMap<>(stages), Map.copyOf(edges));
        }
    }
}
