package dev.instructgen.mix;

import dev.instructgen.licensing.LicenseSummary;
import dev.instructgen.report.DataCardHeader;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DATASET_CARD.md of a mix: the Hugging Face header, how the mix was made, a table per source (count, share,
 * license, commercial use, share-alike), what the cross-source dedup removed, the combined license verdict,
 * and the command that rebuilds it. Holds no timestamp, so a rerun writes the same bytes.
 */
final class MixCard {

    private MixCard() {
    }

    static String render(String runId, MixSettings settings, List<LoadedSource> sources, Mixer.Outcome outcome,
                         SourceLicenses licenses) {
        LicenseSummary all = licenses.all();
        StringBuilder md = new StringBuilder(new DataCardHeader().render(all, outcome.records().size(),
                List.of("instructgen", "mix"), "instructgen mix " + runId));
        md.append("\n# instructgen mix ").append(runId).append("\n\n");
        md.append(outcome.records().size()).append(" examples mixed from ").append(sources.size())
                .append(" sources with the `").append(settings.strategy().cliName()).append("` strategy")
                .append(strategyWords(settings)).append(". Every example keeps the provenance and license block of"
                        + " its source, plus `provenance.mix` (source, strategy, weight = the source's rate).\n");

        md.append("\n## Sources\n\n");
        md.append("| Source | File | Format | Records | Cap | Rate | Asked | Count | Share | License | Commercial use"
                + " | Share-alike |\n|---|---|---|---:|---:|---:|---:|---:|---:|---|---|---|\n");
        for (int i = 0; i < sources.size(); i++) {
            LoadedSource source = sources.get(i);
            SourceOutcome o = outcome.sources().get(i);
            LicenseSummary s = licenses.of(o.name());
            md.append("| ").append(cell(o.name())).append(" | ").append(cell(source.file())).append(" | ")
                    .append(source.format().displayName()).append(" | ").append(o.size()).append(" | ")
                    .append(source.spec().cap() == null ? "none" : source.spec().cap()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.4f", o.rate())).append(" | ").append(o.quota())
                    .append(" | ").append(o.count()).append(" | ")
                    .append(percent(o.count(), outcome.records().size())).append(" | ")
                    .append(cell(String.join(", ", s.licensesByCount().stream().map(Map.Entry::getKey).toList())))
                    .append(" | ").append(words(s.commercialUse())).append(" | ")
                    .append(s.restrictions().contains("share-alike") ? "yes" : "no").append(" |\n");
        }
        md.append("\nAsked is round(total x rate) by the largest-remainder method (total ").append(outcome.total())
                .append("); Count is what the source gave after the dedup");
        md.append(settings.allowRepeat() ? ", repeats included.\n" : ".\n");

        dedup(md, settings, outcome);
        md.append("\n## License analysis\n\n");
        for (String line : all.describe()) {
            md.append(line).append("\n");
        }
        List<String> shareAlike = licenses.shareAlikeSources();
        if (!shareAlike.isEmpty()) {
            md.append("\nThe mix is share-alike as a whole: source").append(shareAlike.size() > 1 ? "s " : " ")
                    .append(String.join(", ", shareAlike.stream().map(n -> "'" + n + "'").toList()))
                    .append(shareAlike.size() > 1 ? " are" : " is")
                    .append(" share-alike, so adaptations of the mix must carry a compatible license.\n");
        }
        md.append("\nThis analysis is derived mechanically from the license blocks of the mixed records; it is not"
                + " legal advice. Check the sources' current terms before relying on it.\n");

        md.append("\n## Reproduce\n\nThe same input files (their sha256 is in `manifest.json`) and this command give"
                + " the same bytes:\n\n```\n").append(MixCommandLine.of(settings)).append("\n```\n");
        md.append("\nMixing follows examples-proportional and temperature-scaled mixing with per-dataset caps"
                + " (Raffel et al., 2020, T5, section 3.5.2) as FLAN uses them.\n");
        return md.toString();
    }

    private static void dedup(StringBuilder md, MixSettings settings, Mixer.Outcome outcome) {
        md.append("\n## Cross-source dedup\n\n");
        if (!settings.dedup()) {
            md.append("Off (`--no-dedup`).\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "A record was dropped when its instruction has ROUGE-L F1 above %.2f"
                + " with a record of an earlier source; its replacement came from the same source. %d records were"
                + " dropped (listed in `rejected.jsonl` as `cross_source_duplicate`).%n", settings.threshold(),
                outcome.rejections().size()));
        boolean any = false;
        for (SourceOutcome o : outcome.sources()) {
            for (Map.Entry<String, Long> lost : o.lostTo().entrySet()) {
                if (!any) {
                    md.append("\n| Source | Lost to | Records |\n|---|---|---:|\n");
                    any = true;
                }
                md.append("| ").append(cell(o.name())).append(" | ").append(cell(lost.getKey())).append(" | ")
                        .append(lost.getValue()).append(" |\n");
            }
            if (o.shortBy() > 0) {
                md.append("\nSource '").append(o.name()).append("' ran out of records to replace its duplicates: it"
                        + " gave ").append(o.count()).append(" of the ").append(o.quota()).append(" asked.\n");
            }
        }
    }

    private static String strategyWords(MixSettings settings) {
        return switch (settings.strategy()) {
            case PROPORTIONAL -> " (rate proportional to min(size, cap))";
            case TEMPERATURE -> String.format(Locale.ROOT, " (rate proportional to min(size, cap)^(1/T), T = %s)",
                    settings.temperature());
            case WEIGHTS -> " (rate proportional to each source's weight)";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\R", " ");
    }

    private static String words(Boolean value) {
        return value == null ? "unknown" : value ? "yes" : "no";
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
