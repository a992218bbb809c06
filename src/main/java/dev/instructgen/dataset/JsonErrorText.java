package dev.instructgen.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in words for people who write JSON, not Java: "invalid JSON at column 38: expected ','
 * between the fields of an object, found '"'" instead of token names, codes, class names and source excerpts.
 */
final class JsonErrorText {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            rule("Duplicate field '(.*)'", "the key '$1' appears twice in this record; remove one (the last "
                    + "would silently replace the first)"),
            rule("Unexpected character \\('(.*)' \\(code \\d+\\)\\): was expecting comma to separate Object entries",
                    "expected ',' between the fields of an object, found '$1'"),
            rule("Unexpected character \\('(.*)' \\(code \\d+\\)\\): was expecting comma to separate Array entries",
                    "expected ',' between the elements of an array, found '$1'"),
            rule("Unexpected character \\('(.*)' \\(code \\d+\\)\\): was expecting double-quote to start field name",
                    "expected a field name in double quotes, found '$1'"),
            rule("Unexpected character \\('(.*)' \\(code \\d+\\)\\): was expecting a colon to separate field name "
                    + "and value", "expected ':' after the field name, found '$1'"),
            rule("Unexpected character \\('(.*)' \\(code \\d+\\)\\).*", "unexpected character '$1'"),
            rule("Unexpected close marker '(.)'.*", "unexpected '$1' with nothing open to close"),
            rule("Unexpected end-of-input: expected close marker for Object.*",
                    "the object is not closed; expected '}' before the end of the record"),
            rule("Unexpected end-of-input: expected close marker for Array.*",
                    "the array is not closed; expected ']' before the end of the record"),
            rule("Unexpected end-of-input.*", "the record ends in the middle of a value"),
            rule("Unrecognized token '(.*)': was expecting.*",
                    "unrecognized word '$1'; expected a JSON value (a \"string\", number, object, array, true, false "
                            + "or null)"),
            rule("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    "a control character (code $1) inside a string must be escaped (for example \\\\n or \\\\t)"),
            rule("Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    "a control character (code $1) between values; expected JSON text"),
            rule("Unrecognized character escape '(.*)' \\(code \\d+\\)",
                    "unknown escape '\\\\$1' in a string; a literal backslash is written '\\\\\\\\'"),
            rule("Invalid UTF-8 (start|middle) byte (0x[0-9a-fA-F]+).*",
                    "not valid UTF-8 text (byte $2); save the file as UTF-8"),
            rule("Trailing token \\(of type (.*)\\) found after value.*",
                    "more than one JSON value on this line; expected one object per line"),
            rule("Invalid numeric value: (.*)", "invalid number: $1"),
            rule("Leading zeroes not allowed.*", "invalid number: leading zeroes are not allowed"),
            rule("Non-standard token '(.*)'.*", "'$1' is not a JSON number"));

    private JsonErrorText() {
    }

    /** "invalid JSON at column N: reason", the column being Jackson's where it has one. */
    static String of(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getColumnNr() < 1 ? "" : " at column " + at.getColumnNr();
        return "invalid JSON" + where + ": " + reason(e.getOriginalMessage());
    }

    static String reason(String jackson) {
        String text = jackson == null ? "" : jackson.replaceAll("\\s+", " ").trim();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            if (m.matches()) {
                return m.replaceFirst(rule.replacement());
            }
        }
        // unknown wording: keep the sentence, drop Jackson's source excerpts, type names and codes
        return text.replaceAll(" ?\\((start marker at )?\\[Source: .*", "")
                .replaceAll(" ?\\(code \\d+\\)", "")
                .replaceAll("`[^`]*`", "a value")
                .trim();
    }

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }
}
