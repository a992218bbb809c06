package dev.instructgen.method.unnatural;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the reformulations out of a paraphrase reply: one numbered or bulleted line each ("1.", "2)", "- ",
 * "**1.**"), with surrounding quotes and emphasis removed. Lines before the first item (a preamble) and after the
 * list (a closing remark) are not items; an unnumbered reply of plain lines is read one line per item. At most
 * {@code asked} items are kept; the last one of a cut-off reply is dropped.
 */
final class ParaphraseParser {

    private static final Pattern ITEM = Pattern.compile(
            "^\\s*(?:\\*\\*)?(?:\\d{1,2}\\s*[.):]|[-*•])\\s*(?:\\*\\*)?\\s*(.+)$");
    private static final Pattern CHATTER = Pattern.compile(
            "^\\s*(?:sure|here|certainly|okay|of course|below|let me know|i hope|feel free|these)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("^(?:instruction|version\\s*\\d*)\\s*:\\s*",
            Pattern.CASE_INSENSITIVE);

    List<String> read(String reply, boolean cutOff, int asked) {
        List<String> numbered = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String line : reply.split("\\R")) {
            if (line.isBlank() || line.strip().startsWith("```") || CHATTER.matcher(line).matches()) {
                continue;
            }
            Matcher m = ITEM.matcher(line);
            if (m.matches()) {
                numbered.add(clean(m.group(1)));
            } else {
                plain.add(clean(line));
            }
        }
        List<String> items = new ArrayList<>(numbered.isEmpty() ? plain : numbered);
        items.removeIf(String::isEmpty);
        if (cutOff && !items.isEmpty()) {
            items.remove(items.size() - 1);
        }
        return List.copyOf(items.subList(0, Math.min(asked, items.size())));
    }

    private static String clean(String item) {
        String s = LABEL.matcher(item.replace("**", "").strip()).replaceFirst("").strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("“") && s.endsWith("”"))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
