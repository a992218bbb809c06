package dev.instructgen.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.JsonCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the report as one HTML file that opens from disk with no network: the styles, the charting library
 * (ECharts 5.3.1 from its WebJar, Apache-2.0, its license header kept) and the chart data are inlined.
 */
final class ReportPage {

    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private ReportPage() {
    }

    static String render(RunDigest d, List<Chart> charts, List<String> notes) {
        StringBuilder html = new StringBuilder(1 << 21);
        String runId = d.manifest.path("run_id").asText("run");
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>instructgen report: ")
                .append(esc(runId)).append("</title>\n<style>\n").append(resource("/report/report.css"))
                .append("</style>\n</head>\n<body>\n<header><h1>instructgen report: ").append(esc(runId))
                .append("</h1>\n");
        summary(html, d);
        if (!notes.isEmpty()) {
            html.append("<ul class=\"notes\">");
            notes.forEach(n -> html.append("<li>").append(esc(n)).append("</li>"));
            html.append("</ul>\n");
        }
        html.append("<nav>");
        charts.forEach(c -> html.append("<a href=\"#chart-").append(c.id()).append("\">").append(esc(c.title()))
                .append("</a> "));
        html.append("<a href=\"#sample\">Sample of examples</a></nav>\n</header>\n<main>\n");
        ObjectNode options = JsonCodec.mapper().createObjectNode();
        for (Chart chart : charts) {
            options.set(chart.id(), chart.option());
            html.append("<section class=\"chart\" id=\"chart-").append(chart.id()).append("\" data-total=\"")
                    .append(chart.total()).append("\">\n<h2>").append(esc(chart.title())).append("</h2>\n")
                    .append("<p class=\"reading\">").append(esc(chart.reading())).append("</p>\n")
                    .append("<div class=\"plot\" role=\"img\" aria-label=\"").append(esc(chart.title()))
                    .append("\"></div>\n<details><summary>The numbers (")
                    .append(chart.table().rows().size()).append(" rows, total ").append(chart.total())
                    .append(")</summary>\n");
            table(html, chart.table().header(), chart.table().rows());
            html.append("</details>\n</section>\n");
        }
        sample(html, d.sample);
        html.append("</main>\n<script type=\"application/json\" id=\"chart-options\">")
                .append(json(options).replace("</", "<\\/")).append("</script>\n<script>\n")
                .append(resource(ECHARTS)).append("\n</script>\n<script>\n").append(resource("/report/report.js"))
                .append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void summary(StringBuilder html, RunDigest d) {
        JsonNode m = d.manifest;
        JsonNode s = d.stats;
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("command", m.path("command").asText("?"));
        facts.put("teacher", m.path("teacher").path("model").asText("?") + " (" + m.path("teacher").path("api")
                .asText("?") + ")");
        facts.put("started", m.path("started_at").asText("?"));
        facts.put("status", s.path("status").asText("not recorded") + (s.path("stop_reason").isTextual()
                ? " (" + s.path("stop_reason").asText() + ")" : ""));
        facts.put("accepted examples", Long.toString(d.examples));
        facts.put("rejected candidates", Long.toString(d.rejected));
        facts.put("requests", s.path("requests").path("total").isNumber()
                ? s.path("requests").path("total").asText() : "not recorded");
        facts.put("tokens", s.path("tokens").isObject() ? s.path("tokens").path("prompt").asLong() + " prompt, "
                + s.path("tokens").path("completion").asLong() + " completion" : "not recorded");
        facts.put("cost", s.path("cost_usd").isNumber()
                ? String.format(java.util.Locale.ROOT, "$%.4f", s.path("cost_usd").asDouble()) : "not recorded");
        facts.put("throughput", s.path("throughput").path("accepted_per_second").isNumber()
                ? String.format(java.util.Locale.ROOT, "%.3f accepted/s",
                s.path("throughput").path("accepted_per_second").asDouble()) : "not recorded");
        facts.put("license policy", m.path("license_policy").isObject() ? m.path("license_policy").toString()
                : "not recorded");
        facts.put("human review", d.reviewed.values().stream().mapToLong(Long::longValue).sum() == 0
                ? "none yet" : d.reviewed.toString());
        html.append("<table class=\"facts\">");
        facts.forEach((k, v) -> html.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v))
                .append("</td></tr>"));
        html.append("</table>\n");
    }

    private static void sample(StringBuilder html, List<ObjectNode> sample) {
        html.append("<section id=\"sample\"><h2>Sample of examples (").append(sample.size())
                .append(", drawn evenly from the whole run)</h2>\n<p>Search <input id=\"sample-search\" "
                        + "type=\"search\" placeholder=\"filter rows\"> Review page <input id=\"review-url\" "
                        + "size=\"50\" placeholder=\"paste the URL that instructgen review printed\"></p>\n");
        List<List<String>> rows = sample.stream().map(e -> List.of(e.path("id").asText(),
                e.path("method").asText(""), cut(e.path("instruction").asText("")), cut(e.path("input").asText("")),
                cut(e.path("output").asText("")))).toList();
        html.append("<table id=\"sample-table\"><thead><tr><th>id</th><th>method</th><th>instruction</th>"
                + "<th>input</th><th>output</th><th></th></tr></thead><tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(esc(cell)).append("</td>"));
            html.append("<td><a class=\"review-link\" href=\"#\" data-id=\"").append(esc(row.get(0)))
                    .append("\">review</a></td></tr>\n");
        }
        html.append("</tbody></table></section>\n");
    }

    private static void table(StringBuilder html, List<String> header, List<List<String>> rows) {
        html.append("<table><thead><tr>");
        header.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(esc(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>\n");
    }

    private static String cut(String text) {
        return text.length() <= 240 ? text : text.substring(0, 239) + "…";
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String json(JsonNode node) {
        try {
            return JsonCodec.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
