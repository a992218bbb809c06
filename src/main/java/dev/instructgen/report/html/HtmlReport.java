package dev.instructgen.report.html;

import dev.instructgen.error.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code instructgen report}: one self-contained HTML file with the run's diversity, novelty, length, yield,
 * method, progress and license figures. Reads the run and never writes into it, so it works on a run that is
 * still going.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** What was written. */
    public record Written(Path file, long bytes, int charts, long examples, long rejected) {
    }

    public static Written write(Path runDir, Path out) {
        if (!Files.isDirectory(runDir) || !Files.isRegularFile(runDir.resolve("manifest.json"))) {
            throw new BadInputException(runDir + " is not a run directory: "
                    + (Files.isDirectory(runDir) ? "no manifest.json" : "it does not exist"));
        }
        RunDigest digest = RunDigestReader.read(runDir);
        List<String> notes = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        charts.add(DiversityCharts.sunburst(digest, new VerbNounExtractor.Models()));
        charts.add(DiversityCharts.toSeeds(digest));
        charts.add(DiversityCharts.toPool(digest));
        charts.addAll(RunCharts.lengths(digest));
        charts.add(RunCharts.funnel(digest));
        charts.add(RunCharts.stages(digest));
        charts.addAll(RunCharts.methods(digest));
        charts.addAll(RunCharts.overTime(digest));
        charts.addAll(RunCharts.licenses(digest));
        if (!digest.statsHistory) {
            notes.add("Cost over time is not drawn: the run keeps only its latest stats.json, not a history of "
                    + "snapshots. Progress over time below is counted from the examples' created_at instead; "
                    + "the cost shown is the run's total.");
        }
        if (digest.stats.isMissingNode()) {
            notes.add("stats.json is missing or unreadable: requests, tokens and cost are not shown.");
        }
        String html = ReportPage.render(digest, charts, notes);
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return new Written(out, bytes.length, charts.size(), digest.examples, digest.rejected);
    }
}
