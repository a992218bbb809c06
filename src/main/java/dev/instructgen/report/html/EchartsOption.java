package dev.instructgen.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.JsonCodec;

import java.util.List;
import java.util.Map;

/** Builds the ECharts 5 option objects the report uses (https://echarts.apache.org/en/option.html). */
final class EchartsOption {

    private EchartsOption() {
    }

    /** Bars over categories; several series are drawn side by side, or stacked. */
    static ObjectNode bars(String title, String xName, String yName, List<String> categories,
                           Map<String, List<? extends Number>> series, boolean stacked) {
        ObjectNode option = base(title);
        ObjectNode x = option.putObject("xAxis");
        x.put("type", "category").put("name", xName).put("nameLocation", "middle").put("nameGap", 28);
        categories.forEach(x.putArray("data")::add);
        x.putObject("axisLabel").put("hideOverlap", true);
        option.putObject("yAxis").put("type", "value").put("name", yName);
        ArrayNode list = option.putArray("series");
        series.forEach((name, values) -> {
            ObjectNode s = list.addObject().put("type", "bar").put("name", name);
            if (stacked) {
                s.put("stack", "total");
            }
            ArrayNode data = s.putArray("data");
            values.forEach(v -> data.add(v.doubleValue()));
        });
        if (series.size() > 1) {
            option.putObject("legend").put("top", 24);
        }
        return option;
    }

    /** Lines over time (category axis of minutes). */
    static ObjectNode lines(String title, String xName, String yName, List<String> times,
                            Map<String, List<? extends Number>> series) {
        ObjectNode option = bars(title, xName, yName, times, series, false);
        option.withArray("series").forEach(s -> ((ObjectNode) s).put("type", "line").put("showSymbol", false));
        return option;
    }

    /** The Self-Instruct figure: inner ring root verbs, outer ring their object nouns. */
    static ObjectNode sunburst(String title, Map<String, Map<String, Long>> verbNouns) {
        ObjectNode option = base(title);
        option.remove("grid");
        ObjectNode series = option.putArray("series").addObject();
        series.put("type", "sunburst").put("radius", "88%").put("sort", "desc");
        series.putArray("center").add("50%").add("54%");
        ArrayNode data = series.putArray("data");
        verbNouns.forEach((verb, nouns) -> {
            ObjectNode v = data.addObject().put("name", verb);
            ArrayNode children = v.putArray("children");
            nouns.forEach((noun, count) -> children.addObject().put("name", noun).put("value", count));
        });
        ArrayNode levels = series.putArray("levels");
        levels.addObject();
        levels.addObject().put("r0", "0%").put("r", "45%").putObject("label").put("rotate", "radial");
        levels.addObject().put("r0", "45%").put("r", "88%").putObject("label").put("fontSize", 9);
        return option;
    }

    private static ObjectNode base(String title) {
        ObjectNode option = JsonCodec.mapper().createObjectNode();
        option.put("animation", false);
        option.putObject("title").put("text", title).put("left", "center").putObject("textStyle").put("fontSize", 14);
        option.putObject("tooltip").put("trigger", "item");
        option.putObject("grid").put("left", 64).put("right", 24).put("top", 56).put("bottom", 48);
        option.putObject("aria").put("enabled", true);
        return option;
    }
}
