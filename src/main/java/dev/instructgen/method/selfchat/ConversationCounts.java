package dev.instructgen.method.selfchat;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.LinkedHashMap;

/**
 * The "conversations" section of stats.json: the kept conversations by number of user turns and by why they
 * stopped, and how many transcripts were rejected. Rebuilt from examples.jsonl and rejected.jsonl on resume,
 * so it covers the whole run. Thread-safe.
 */
final class ConversationCounts {

    private final Map<Integer, Long> byUserTurns = new TreeMap<>();
    private final Map<String, Long> byStopReason = new TreeMap<>();
    private long kept;
    private long rejected;

    synchronized void kept(int userTurns, String stopReason) {
        kept++;
        byUserTurns.merge(userTurns, 1L, Long::sum);
        byStopReason.merge(stopReason, 1L, Long::sum);
    }

    /** Takes back a {@link #kept} whose conversation was not written (the target was reached first). */
    synchronized void unkept(int userTurns, String stopReason) {
        kept--;
        byUserTurns.merge(userTurns, -1L, Long::sum);
        byStopReason.merge(stopReason, -1L, Long::sum);
        byUserTurns.values().removeIf(n -> n == 0);
        byStopReason.values().removeIf(n -> n == 0);
    }

    synchronized void rejected() {
        rejected++;
    }

    synchronized long keptSoFar() {
        return kept;
    }

    synchronized Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kept", kept);
        m.put("rejected", rejected);
        m.put("mean_user_turns", kept == 0 ? 0.0 : Math.round(1000.0 * totalTurns() / kept) / 1000.0);
        Map<String, Long> turns = new LinkedHashMap<>();
        byUserTurns.forEach((n, count) -> turns.put(String.valueOf(n), count));
        m.put("user_turns", turns);
        m.put("stop_reasons", new LinkedHashMap<>(byStopReason));
        return m;
    }

    /** One sentence for the dataset card's notes. */
    synchronized String cardNote() {
        StringBuilder turns = new StringBuilder();
        byUserTurns.forEach((n, count) -> turns.append(turns.isEmpty() ? "" : ", ").append(count).append(" with ")
                .append(n).append(n == 1 ? " user turn" : " user turns"));
        StringBuilder stops = new StringBuilder();
        byStopReason.forEach((reason, count) -> stops.append(stops.isEmpty() ? "" : ", ").append(reason)
                .append(' ').append(count));
        return String.format(Locale.ROOT, "Every example is a conversation (a `messages` list of user and assistant "
                + "turns): %d kept, %.2f user turns on average (%s); stopped by %s; %d transcripts rejected.",
                kept, kept == 0 ? 0.0 : (double) totalTurns() / kept, turns, stops.isEmpty() ? "none" : stops,
                rejected);
    }

    private long totalTurns() {
        return byUserTurns.entrySet().stream().mapToLong(e -> (long) e.getKey() * e.getValue()).sum();
    }
}
