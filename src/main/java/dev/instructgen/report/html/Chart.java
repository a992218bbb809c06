package dev.instructgen.report.html;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One figure of the report: what ECharts draws ({@code option}), and the same numbers as a table for screen
 * readers and copy-paste.
 *
 * @param id      HTML id of the figure; the test and links address it
 * @param reading one sentence saying what the chart shows for this run
 * @param total   the count the chart accounts for (shown under it, and checked by the browser test)
 */
record Chart(String id, String title, String reading, ObjectNode option, Table table, long total) {

    /** A plain table: header cells and rows of cells. */
    record Table(List<String> header, List<List<String>> rows) {

        Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
