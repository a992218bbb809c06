package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.text.NoveltyIndex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Fills the in-context pool and the novelty index at the start of a session: every seed task, and on resume
 * every task already accepted (one pool entry per task id), so a resumed run neither repeats an instruction
 * nor forgets what its prompts may show.
 */
public final class PoolBuilder {

    private PoolBuilder() {
    }

    public static TaskPool build(List<SeedTask> seeds, Function<SeedTask, SeedSource> sourceOf,
                                 List<Example> restored, NoveltyIndex novelty) {
        List<PoolEntry> seedEntries = new ArrayList<>();
        for (SeedTask seed : seeds) {
            seedEntries.add(new PoolEntry(seed.id(), seed.instruction(), true, Set.of(sourceOf.apply(seed))));
            novelty.add(seed.id(), seed.instruction());
        }
        TaskPool pool = new TaskPool(seedEntries);
        Map<String, Example> firstOfTask = new LinkedHashMap<>();
        for (Example e : restored) {
            firstOfTask.putIfAbsent(e.taskId() == null ? e.id() : e.taskId(), e);
        }
        firstOfTask.forEach((taskId, e) -> {
            pool.addGenerated(new PoolEntry(taskId, e.instruction(), false, seedSourcesOf(e.license())));
            novelty.add(taskId, e.instruction());
        });
        return pool;
    }

    /** The seed sources recorded in an example's license block. */
    static Set<SeedSource> seedSourcesOf(LicenseInfo license) {
        Set<SeedSource> out = new HashSet<>();
        if (license != null) {
            for (LicenseInfo.Source s : license.sources()) {
                if ("seed".equals(s.kind())) {
                    out.add(new SeedSource(s.name(), s.license()));
                }
            }
        }
        return out;
    }
}
