package dev.instructgen.report.export;

import dev.instructgen.dataset.Example;
import dev.instructgen.error.BadInputException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Decides which records of an export get demonstrations, and which. Reproducible from the split seed, like the
 * validation split: records and demonstrations are ranked by a seeded hash of their ids, so the choice does not
 * depend on file order.
 * <ul>
 *   <li>In each file written (train, validation) exactly round(n x share) records are few-shot, chosen among those
 *       whose task has enough demonstrations.</li>
 *   <li>A record's demonstrations are K other records of the same task (same {@code task_id}: one Self-Instruct
 *       task's instances, one template of a {@code template} run), from the train file only, so nothing of the
 *       validation file is ever shown in a prompt.</li>
 * </ul>
 * Needs two passes over the examples: ids and tasks first, then the demonstrations' text.
 */
final class FewShotPlan {

    /** Salts the seed so the few-shot choice is independent of the validation choice made with the same seed. */
    private static final long SALT = 0x5DEECE66DL;

    private final Map<String, List<String>> demosOf;
    private final Map<String, Example> demos;

    private FewShotPlan(Map<String, List<String>> demosOf, Map<String, Example> demos) {
        this.demosOf = demosOf;
        this.demos = demos;
    }

    /** The demonstrations of a record, in the order shown; empty for a zero-shot record. */
    List<Example> demonstrationsOf(String id) {
        List<String> ids = demosOf.get(id);
        return ids == null ? List.of() : ids.stream().map(demos::get).toList();
    }

    static FewShotPlan plan(Supplier<Stream<Example>> examples, Set<String> validationIds, FewShot fewShot,
                            long seed) {
        List<String[]> all = new ArrayList<>();
        Map<String, List<String>> trainByTask = new HashMap<>();
        try (Stream<Example> stream = examples.get()) {
            stream.forEach(e -> {
                String task = taskOf(e);
                all.add(new String[] {e.id(), task});
                if (!validationIds.contains(e.id())) {
                    trainByTask.computeIfAbsent(task, t -> new ArrayList<>()).add(e.id());
                }
            });
        }
        long salted = seed ^ SALT;
        Map<String, List<String>> demosOf = new LinkedHashMap<>();
        for (boolean validation : new boolean[] {false, true}) {
            List<String[]> file = all.stream().filter(r -> validationIds.contains(r[0]) == validation).toList();
            long wanted = Math.round(file.size() * fewShot.share());
            List<String[]> eligible = new ArrayList<>(file.stream().filter(r -> {
                int others = trainByTask.getOrDefault(r[1], List.of()).size() - (validation ? 0 : 1);
                return others >= fewShot.shots();
            }).toList());
            if (eligible.size() < wanted) {
                throw new BadInputException("--few-shot-share " + fewShot.share() + " needs " + wanted + " records"
                        + (validationIds.isEmpty() ? "" : validation ? " in the validation file" : " in the train file")
                        + " whose task has " + fewShot.shots() + " other train records to show, but only "
                        + eligible.size() + " of " + file.size() + " have (lower --shots or --few-shot-share)");
            }
            eligible.sort(Comparator.comparingLong((String[] r) -> rank(salted, r[0])).thenComparing(r -> r[0]));
            for (String[] record : eligible.subList(0, (int) wanted)) {
                List<String> candidates = new ArrayList<>(trainByTask.get(record[1]));
                candidates.remove(record[0]);
                candidates.sort(Comparator.comparingLong((String d) -> rank(salted, record[0] + '\u0000' + d))
                        .thenComparing(d -> d));
                demosOf.put(record[0], List.copyOf(candidates.subList(0, fewShot.shots())));
            }
        }
        Set<String> needed = new HashSet<>();
        demosOf.values().forEach(needed::addAll);
        Map<String, Example> demos = new HashMap<>();
        try (Stream<Example> stream = examples.get()) {
            stream.filter(e -> needed.contains(e.id())).forEach(e -> demos.putIfAbsent(e.id(), e));
        }
        return new FewShotPlan(demosOf, demos);
    }

    /** The task a record belongs to: its task_id, else its instruction (a record alone in its task). */
    static String taskOf(Example e) {
        return e.taskId() != null && !e.taskId().isBlank() ? "task:" + e.taskId() : "instruction:" + e.instruction();
    }

    private static long rank(long seed, String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        long z = seed ^ hash;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
