package dev.instructgen.report;

import dev.instructgen.report.EvolutionSummaryText;
import dev.instructgen.report.LicenseTally;
import dev.instructgen.report.RunSummary;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Renders a {@link RunSummary} for people: one aligned block, most important lines first. */
public final class RunSummaryText {

    private RunSummaryText() {
    }

    public static String render(RunSummary s) {
        List<String> lines = new ArrayList<>();
        String teacher = s.teacherModel() == null ? "" : ", teacher " + s.teacherModel();
        lines.add(row("run", s.runDir() + "  (" + s.command() + ", id " + s.runId() + teacher + ")"));
        if (s.status() != null) {
            lines.add(row("status", s.status() + (s.stopReason() == null ? "" : " (" + s.stopReason() + ")")));
        }
        String started = s.startedAt() == null ? "unknown" : s.startedAt();
        String updated = s.updatedAt() == null ? "" : ", updated " + s.updatedAt();
        String elapsed = s.elapsedSeconds() == null ? "" : ", elapsed " + duration(s.elapsedSeconds());
        lines.add(row("started", started + updated + elapsed));

        lines.add(row("accepted", count(s.accepted()) + (s.target() == null ? "" : " of target " + count(s.target()))));
        indented(lines, s.acceptedByMethod(), null);
        if (s.conversations() != null) {
            ConversationTally.Summary c = s.conversations();
            lines.add(row("turns", count(c.conversations()) + " conversations, "
                    + String.format(Locale.ROOT, "%.2f", c.meanUserTurns()) + " user turns on average"));
            lines.add("  user turns per conversation: " + c.userTurns().entrySet().stream()
                    .map(e -> e.getKey() + (e.getKey().equals("1") ? " turn: " : " turns: ") + count(e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        lines.add(row("proposed", count(s.proposed())
                + (s.yield() == null ? "" : "  yield " + percent(s.yield()) + " accepted")));
        lines.add(row("rejected", count(s.rejectedTotal()) + (s.rejected().isEmpty() ? "" : "  (share of proposed)")));
        indented(lines, s.rejected(), s.rejectedShare());

        if (s.requests() != null) {
            RunSummary.Requests r = s.requests();
            lines.add(row("requests", join(Stream.of(part(r.total(), "total"), part(r.succeeded(), "succeeded"),
                    part(r.retries(), "retries"), part(r.failed(), "failed")))));
            if (r.byStage() != null && !r.byStage().isEmpty()) {
                lines.add("  by stage: " + inline(r.byStage()));
            }
        }
        if (s.faults() != null && !s.faults().isEmpty()) {
            lines.add(row("faults", inline(s.faults())));
        }
        lines.add(row("tokens", count(s.tokens().prompt()) + " prompt"
                + (s.tokens().cached() == null ? "" : " (" + count(s.tokens().cached()) + " of them cached)")
                + ", " + count(s.tokens().completion()) + " completion"));
        if (s.costUsd() != null) {
            lines.add(row("cost", String.format(Locale.ROOT, "$%.4f", s.costUsd())
                    + (s.costPerAcceptedUsd() == null ? ""
                    : String.format(Locale.ROOT, ", $%.6f per accepted example", s.costPerAcceptedUsd()))));
        }
        if (s.throughput() != null) {
            List<String> rates = new ArrayList<>();
            if (s.throughput().acceptedPerSecond() != null) {
                rates.add(rate(s.throughput().acceptedPerSecond()) + " accepted/s");
            }
            if (s.throughput().requestsPerSecond() != null) {
                rates.add(rate(s.throughput().requestsPerSecond()) + " requests/s");
            }
            lines.add(row("throughput", String.join(", ", rates)));
        }
        if (s.evolution() != null) {
            lines.addAll(EvolutionSummaryText.render(s.evolution()));
        }
        if (s.endpoints() != null) {
            lines.addAll(EndpointsSummaryText.render(s.endpoints()));
        }
        if (s.answer() != null) {
            JsonNode a = s.answer();
            lines.add(row("answer pass", count(a.path("answered").asLong()) + " answered by "
                    + a.path("model").asText() + " (" + a.path("scope").asText() + "), "
                    + count(a.path("rejected").asLong()) + " rejected, " + count(a.path("labels_kept").asLong())
                    + " classification labels kept"));
        }
        LicenseTally.Summary license = s.license();
        lines.add(row("licenses", "commercial use: " + license.commercialUse() + " ("
                + inline(license.commercialUseRecords()) + " records)"));
        indented(lines, license.byLicense(), null);
        if (!license.restrictions().isEmpty()) {
            lines.add("  restrictions: " + String.join("; ", license.restrictions()));
        }
        license.sources().forEach(source -> lines.add("  source: " + source));
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, "%-11s %s", label, value);
    }

    private static void indented(List<String> lines, Map<String, Long> counts, Map<String, Double> shares) {
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
        counts.forEach((key, n) -> {
            String share = shares == null ? "" : "  " + percent(shares.getOrDefault(key, 0.0));
            lines.add(String.format(Locale.ROOT, "  %-" + width + "s %10s%s", key, count(n), share));
        });
    }

    private static String inline(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + count(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String part(Long value, String label) {
        return value == null ? null : count(value) + " " + label;
    }

    private static String join(Stream<String> parts) {
        return parts.filter(Objects::nonNull).collect(Collectors.joining(", "));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Slow runs (a hosted model at a few examples a minute) still show a non-zero rate. */
    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 1 ? "%.4f" : "%.2f", perSecond);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String duration(double seconds) {
        long total = Math.round(seconds);
        return String.format(Locale.ROOT, "%dh %02dm %02ds", total / 3600, total / 60 % 60, total % 60);
    }
}
