package dev.instructgen.report;

import dev.instructgen.storage.StatsFile;

import java.util.Locale;
import java.util.Map;

/** The card's "Quality" section for a run with an LLM judge: the kept share and the score histogram. */
final class QualityCardSection {

    /** Above this share of unreadable verdicts the card warns (the run warned too). */
    static final double UNREADABLE_WARNING_SHARE = 0.05;

    private QualityCardSection() {
    }

    static void render(StringBuilder md, StatsFile.Quality q) {
        if (q == null) {
            return;
        }
        long judged = q.judged() == null ? 0 : q.judged();
        long kept = q.kept() == null ? 0 : q.kept();
        long unreadable = q.unreadable() == null ? 0 : q.unreadable();
        md.append("\n## Quality\n\n");
        md.append("An LLM judge scored ").append(judged).append(" examples (0-5, accuracy and helpfulness of the "
                + "response, after AlpaGasus); ").append(kept).append(" were kept (")
                .append(judged == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * kept / judged))
                .append("), ").append(unreadable).append(" verdicts could not be read.\n");
        if (q.unreadableAbove(UNREADABLE_WARNING_SHARE)) {
            md.append("\n**Warning:** more than 5% of the judge's verdicts could not be read.\n");
        }
        md.append("\n| Score | Examples |\n|---:|---:|\n");
        for (Map.Entry<String, Long> bucket : q.histogram().entrySet()) {
            md.append("| ").append(bucket.getKey()).append(" | ").append(bucket.getValue()).append(" |\n");
        }
    }
}
