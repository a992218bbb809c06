package dev.instructgen.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders the {@code evolution} section of an evol-instruct run's stats.json as a headline and two tables,
 * per operation and per round, with a column per elimination rule: which operations and rounds fail, and why.
 */
final class EvolutionSummaryText {

    private EvolutionSummaryText() {
    }

    static List<String> render(JsonNode evolution) {
        List<String> lines = new ArrayList<>();
        long attempted = evolution.path("attempted").asLong();
        long accepted = evolution.path("accepted").asLong();
        StringBuilder headline = new StringBuilder(String.format(Locale.ROOT, "%,d attempted, %,d accepted",
                attempted, accepted));
        if (attempted > 0) {
            headline.append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * accepted / attempted));
        }
        for (Map.Entry<String, JsonNode> field : evolution.properties()) {
            if (field.getValue().isNumber() && !Set.of("attempted", "accepted").contains(field.getKey())) {
                headline.append(", ").append(field.getKey().replace('_', ' ')).append(' ')
                        .append(field.getValue().asLong());
            }
        }
        lines.add(String.format(Locale.ROOT, "%-11s %s", "evolution", headline));
        table(lines, "operation", evolution.path("by_operation"));
        table(lines, "round", evolution.path("by_round"));
        return lines;
    }

    private static void table(List<String> lines, String label, JsonNode groups) {
        if (!groups.isObject() || groups.isEmpty()) {
            return;
        }
        Set<String> rules = new TreeSet<>();
        int width = label.length();
        for (Map.Entry<String, JsonNode> group : groups.properties()) {
            group.getValue().path("eliminated").fieldNames().forEachRemaining(rules::add);
            width = Math.max(width, group.getKey().length());
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s %9s %9s",
                label, "attempted", "accepted"));
        rules.forEach(rule -> header.append(' ').append(rule));
        lines.add(header.toString());
        for (Map.Entry<String, JsonNode> group : groups.properties()) {
            JsonNode g = group.getValue();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s %9d %9d",
                    group.getKey(), g.path("attempted").asLong(), g.path("accepted").asLong()));
            for (String rule : rules) {
                row.append(String.format(Locale.ROOT, " %" + rule.length() + "d",
                        g.path("eliminated").path(rule).asLong()));
            }
            lines.add(row.toString());
        }
    }
}
