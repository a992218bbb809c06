package dev.instructgen.dataset;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The files users actually bring must load as they are. They are read from the shared bench data beside the
 * project ({@code ../shared/bench-data}, or the directory named by the system property
 * {@code instructgen.benchData}); the tests are skipped when it is absent.
 */
class BenchDataCompatibilityTest {

    private static final Path BENCH = Path.of(System.getProperty("instructgen.benchData",
            Path.of("..", "shared", "bench-data").toString()));

    @Test
    void loadsTheOriginalSelfInstructSeedTasks() {
        Path seeds = BENCH.resolve("selfinstruct_seed_tasks.jsonl");
        assumeTrue(Files.isRegularFile(seeds), "bench data absent");

        Dataset dataset = DatasetReader.read(seeds);

        assertThat(dataset.format()).isEqualTo(DatasetFormat.SELF_INSTRUCT_SEEDS);
        assertThat(dataset.tasks()).hasSize(175);
        // the paper says 25 classification tasks; the released file flags 26 (counted with a JSON tool)
        assertThat(dataset.tasks().stream().filter(SeedTask::isClassification)).hasSize(26);
        assertThat(dataset.tasks().get(0).id()).isEqualTo("seed_task_0");
        assertThat(dataset.tasks()).allSatisfy(t -> assertThat(t.instances()).isNotEmpty());
        assertThat(new DatasetValidator().validate(seeds)).isEmpty();
    }

    @Test
    void loadsAlpacaStyleTriplesWithAnExtraSourceField() {
        Path triples = BENCH.resolve("triples.jsonl");
        assumeTrue(Files.isRegularFile(triples), "bench data absent");

        Dataset dataset = DatasetReader.read(triples);

        assertThat(dataset.format()).isEqualTo(DatasetFormat.ALPACA_JSONL);
        assertThat(dataset.tasks()).hasSize(14_565);
        assertThat(dataset.records().get(0).raw().has("source")).isTrue();
    }
}
