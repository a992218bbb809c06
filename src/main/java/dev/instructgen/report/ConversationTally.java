package dev.instructgen.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instructgen.dataset.Example;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the conversation records of a run (those with {@code messages}, e.g. of self-chat) by user turns, for
 * {@code stats}: how many there are, the mean and the distribution of user turns per conversation.
 */
public final class ConversationTally {

    private final Map<Integer, Long> byUserTurns = new TreeMap<>();
    private long conversations;
    private long userTurns;

    public void add(Example example) {
        if (!example.isConversation()) {
            return;
        }
        int turns = (int) example.messages().stream().filter(m -> m.role().equals("user")).count();
        conversations++;
        userTurns += turns;
        byUserTurns.merge(turns, 1L, Long::sum);
    }

    /** The summary, or null when the run holds no conversation (single-turn runs show nothing new). */
    public Summary summary() {
        if (conversations == 0) {
            return null;
        }
        Map<String, Long> turns = new LinkedHashMap<>();
        byUserTurns.forEach((n, count) -> turns.put(String.valueOf(n), count));
        return new Summary(conversations, Math.round(1000.0 * userTurns / conversations) / 1000.0, turns);
    }

    /**
     * @param userTurns conversations per number of user turns, "1", "2", ... in order
     */
    public record Summary(long conversations, @JsonProperty("mean_user_turns") double meanUserTurns,
                          @JsonProperty("user_turns") Map<String, Long> userTurns) {
    }
}
