package dev.instructgen.report;

import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.report.CardFacts;
import dev.instructgen.report.CardFrontMatter;
import dev.instructgen.licensing.LicenseFacts;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.licensing.SpdxCatalog;
import dev.instructgen.licensing.TeacherTerms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders DATASET_CARD.md in the Hugging Face dataset card form: a YAML header, then method, teacher, seed
 * sources with licenses, filters with yields, counts, settings, the license analysis in plain words, and how to
 * cite the methods.
 */
public final class DatasetCard {

    private final SpdxCatalog catalog;
    private final CardFrontMatter frontMatter;

    public DatasetCard(SpdxCatalog catalog) {
        this.catalog = catalog;
        this.frontMatter = new CardFrontMatter(catalog);
    }

    public DatasetCard() {
        this(SpdxCatalog.shipped());
    }

    public String render(CardFacts facts) {
        List<MethodCard> methods = methods(facts);
        StringBuilder md = new StringBuilder(frontMatter.render(facts, methods));
        md.append("\n# instructgen ").append(facts.command()).append(" run ").append(facts.runId()).append("\n\n");
        md.append("Instruction-tuning data grown from seed tasks by a teacher model with instructgen. Every example"
                + " in `examples.jsonl` carries its provenance and its own license block.\n");
        method(md, methods);
        teacher(md, facts);
        seeds(md, facts);
        filters(md, facts);
        QualityCardSection.render(md, facts.quality());
        counts(md, facts);
        notes(md, facts);
        settings(md, facts);
        licenseAnalysis(md, facts);
        citations(md, methods);
        return md.toString();
    }

    /** The methods the run used, for tags and citations, as the methods describe themselves. */
    static List<MethodCard> methods(CardFacts facts) {
        return facts.methods();
    }

    private static void method(StringBuilder md, List<MethodCard> methods) {
        md.append("\n## Method\n\n");
        for (MethodCard m : methods) {
            md.append("- ").append(m.description()).append("\n");
        }
    }

    private static void teacher(StringBuilder md, CardFacts facts) {
        TeacherTerms terms = facts.teacherTerms();
        md.append("\n## Teacher\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Model", facts.teacher().model());
        row(md, "API", facts.teacher().api() == null ? "" : facts.teacher().api().name().toLowerCase(Locale.ROOT));
        row(md, "Host", facts.teacher().host());
        row(md, "Terms", terms.url() == null ? terms.name() : "[" + terms.name() + "](" + terms.url() + ")");
        row(md, "Commercial use of outputs", yesNoUnknown(terms.commercialUse()));
        row(md, "Restrictions", terms.restrictions().isEmpty() ? "none recorded"
                : String.join(", ", terms.restrictions()));
        row(md, "Terms checked", terms.checked() == null ? "unknown" : terms.checked().toString());
        row(md, "Policy version", facts.policyVersion());
        if (terms.note() != null) {
            md.append("\n").append(terms.note()).append("\n");
        }
    }

    private void seeds(StringBuilder md, CardFacts facts) {
        md.append("\n## Seed sources\n\n");
        if (facts.seedSources().isEmpty()) {
            md.append("No seed sources were recorded.\n");
            return;
        }
        md.append("| Seed set | License | Commercial use | Share-alike |\n|---|---|---|---|\n");
        for (SeedSource seed : facts.seedSources()) {
            if (seed.license() == null) {
                md.append("| ").append(cell(seed.name())).append(" | unknown | unknown | unknown |\n");
                continue;
            }
            LicenseFacts f = catalog.facts(seed.license());
            md.append("| ").append(cell(seed.name())).append(" | ").append(cell(seed.license())).append(" | ")
                    .append(yesNoUnknown(f.commercial())).append(" | ")
                    .append(catalog.isKnown(seed.license()) ? (f.shareAlike() ? "yes" : "no") : "unknown")
                    .append(" |\n");
        }
    }

    private static void filters(StringBuilder md, CardFacts facts) {
        md.append("\n## Filters and yields\n\n");
        md.append(facts.proposed()).append(" candidates were proposed; ").append(facts.accepted())
                .append(" were accepted (yield ").append(percent(facts.accepted(), facts.proposed())).append(").\n\n");
        md.append("| Filter (reason) | Rejected | Share of proposed |\n|---|---:|---:|\n");
        facts.rejectedByReason().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> md.append("| ").append(cell(e.getKey())).append(" | ").append(e.getValue())
                        .append(" | ").append(percent(e.getValue(), facts.proposed())).append(" |\n"));
        md.append("| accepted | ").append(facts.accepted()).append(" | ")
                .append(percent(facts.accepted(), facts.proposed())).append(" |\n");
    }

    private static void counts(StringBuilder md, CardFacts facts) {
        md.append("\n## Counts\n\n");
        md.append("| | |\n|---|---:|\n");
        row(md, "Accepted examples", Long.toString(facts.accepted()));
        facts.acceptedByMethod().forEach((method, n) -> row(md, "Accepted, " + method, Long.toString(n)));
        row(md, "Rejected candidates",
                Long.toString(facts.rejectedByReason().values().stream().mapToLong(Long::longValue).sum()));
        row(md, "Prompt tokens", Long.toString(facts.tokens().promptTokens()));
        row(md, "Completion tokens", Long.toString(facts.tokens().completionTokens()));
        row(md, "Estimated cost", facts.costUsd() == null ? "not estimated"
                : String.format(Locale.ROOT, facts.costUsd() > 0 && facts.costUsd() < 1 ? "$%.4f" : "$%.2f",
                        facts.costUsd())); // cents alone would show a real spend under half a cent as $0.00
        row(md, "Started", facts.startedAt() == null ? "" : facts.startedAt().toString());
        row(md, "Finished", facts.finishedAt() == null ? "" : facts.finishedAt().toString());
        if (facts.startedAt() != null && facts.finishedAt() != null) {
            Duration took = Duration.between(facts.startedAt(), facts.finishedAt());
            row(md, "Duration", took.toString().substring(2).toLowerCase(Locale.ROOT));
        }
    }

    private static void notes(StringBuilder md, CardFacts facts) {
        if (facts.notes().isEmpty()) {
            return;
        }
        md.append("\n## Notes on the counts\n\n");
        facts.notes().forEach(note -> md.append("- ").append(note).append("\n"));
    }

    private static void settings(StringBuilder md, CardFacts facts) {
        if (facts.settings().isEmpty()) {
            return;
        }
        md.append("\n## Settings\n\n| Setting | Value |\n|---|---|\n");
        facts.settings().forEach((k, v) -> row(md, k, v));
    }

    private static void licenseAnalysis(StringBuilder md, CardFacts facts) {
        md.append("\n## License analysis\n\n");
        boolean first = true;
        for (String line : facts.licenseSummary().describe()) {
            // Sentences become paragraphs; list items stay together under the sentence that introduces them.
            if (!first && !line.startsWith("- ")) {
                md.append("\n");
            }
            md.append(line).append("\n");
            first = false;
        }
        List<LicenseInfo.Source> seedSources = facts.licenseSummary().sources().stream()
                .filter(s -> "seed".equals(s.kind())).toList();
        if (!seedSources.isEmpty()) {
            md.append("\nCredit for the seed data goes to: ");
            md.append(String.join(", ", seedSources.stream()
                    .map(s -> s.name() + " (" + (s.license() == null ? "license unknown" : s.license()) + ")")
                    .distinct().toList()));
            md.append(".\n");
        }
        md.append("\nThis analysis is derived mechanically from the recorded licenses and the teacher-terms policy"
                + " table; it is not legal advice. Check the sources' current terms before relying on it.\n");
    }

    private static void citations(StringBuilder md, List<MethodCard> methods) {
        md.append("\n## How to cite\n\n");
        for (int i = 0; i < methods.size(); i++) {
            md.append("```bibtex\n").append(methods.get(i).citation()).append("```\n");
            if (i < methods.size() - 1) {
                md.append("\n");
            }
        }
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(cell(key)).append(" | ").append(cell(value == null ? "" : value)).append(" |\n");
    }

    /** Table cells may not contain pipes or line breaks. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\R", " ");
    }

    private static String yesNoUnknown(Boolean value) {
        return value == null ? "unknown" : value ? "yes" : "no";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
