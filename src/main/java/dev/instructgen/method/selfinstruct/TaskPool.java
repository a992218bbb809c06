package dev.instructgen.method.selfinstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instructions in-context examples are drawn from: the seed tasks, plus every instruction accepted so far.
 * Accepted instructions join at once (Wang et al. 2023, §2.2: the pool grows during generation). Thread-safe.
 */
public final class TaskPool {

    private final List<PoolEntry> seeds;
    private final List<PoolEntry> generated = new ArrayList<>();
    private final Map<String, PoolEntry> byId = new ConcurrentHashMap<>();

    public TaskPool(List<PoolEntry> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("the pool needs at least one seed task");
        }
        this.seeds = List.copyOf(seeds);
        seeds.forEach(s -> byId.put(s.id(), s));
    }

    public void addGenerated(PoolEntry entry) {
        synchronized (generated) {
            generated.add(entry);
        }
        byId.put(entry.id(), entry);
    }

    public List<PoolEntry> seeds() {
        return seeds;
    }

    public int generatedCount() {
        synchronized (generated) {
            return generated.size();
        }
    }

    public PoolEntry generated(int index) {
        synchronized (generated) {
            return generated.get(index);
        }
    }

    public Optional<PoolEntry> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }
}
