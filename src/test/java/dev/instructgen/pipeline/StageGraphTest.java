package dev.instructgen.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageGraphTest {

    private final List<String> seen = new ArrayList<>();
    private final Stage<String> last = Stage.of("last", Priorities.FINISH, (text, handOff) -> seen.add(text));
    private final Stage<Integer> first = Stage.of("first", Priorities.PROPOSE,
            (n, handOff) -> handOff.to(last, "item " + n));
    private final Scheduler scheduler = new Scheduler(1, Optional::empty, (job, e) -> { });

    @Test
    void aStageHandsItsOutputToTheNextStageAsAQueuedJobAtThatStagesPriority() {
        StageGraph graph = StageGraph.builder().stage(first).stage(last).edge(first, last).build();
        StageGraph.Jobs jobs = graph.bind(scheduler);

        Job job = jobs.job(first, 7);
        job.run();

        assertThat(job.stage()).isEqualTo("first");
        assertThat(job.priority()).isEqualTo(Priorities.PROPOSE);
        assertThat(scheduler.queued()).isEqualTo(1);
        assertThat(graph.next(first)).containsExactly("last");
    }

    @Test
    void aHandOffAlongAnEdgeTheMethodDidNotDeclareIsRefused() {
        StageGraph graph = StageGraph.builder().stage(first).stage(last).build();

        Job job = graph.bind(scheduler).job(first, 1);

        assertThatThrownBy(job::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("first may not hand work to last");
        assertThat(scheduler.queued()).isZero();
    }

    @Test
    void aStageOutsideTheGraphGetsNoJob() {
        StageGraph graph = StageGraph.builder().stage(last).build();

        assertThatThrownBy(() -> graph.bind(scheduler).job(first, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStageMayLabelEachRequestByItsInput() {
        Stage<String> rewrite = new Stage<>("rewrite", Priorities.TRANSFORM, op -> "evol-" + op, (op, h) -> { });
        StageGraph graph = StageGraph.builder().stage(rewrite).build();

        assertThat(graph.bind(scheduler).job(rewrite, "deepen").stage()).isEqualTo("evol-deepen");
    }
}
