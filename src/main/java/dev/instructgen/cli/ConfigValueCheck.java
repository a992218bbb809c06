package dev.instructgen.cli;

import dev.instructgen.error.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Checks a config file's value against the type of its option as soon as the file is read, so that a wrong value
 * names the file and line ({@code run.yaml:7: 'target' expects a whole number, found 'ten'}); picocli would
 * otherwise reject it later as if it had come from the command line.
 */
final class ConfigValueCheck {

    private ConfigValueCheck() {
    }

    /** @param where "file:line" of the value */
    static void check(OptionSpec option, String key, String value, String where) {
        if (option == null) {
            return;
        }
        String expected = problem(option, value);
        if (expected != null) {
            throw new BadInputException(where + ": '" + key + "' expects " + expected + ", found '"
                    + shortened(value) + "'");
        }
    }

    /** What the option expects when {@code value} does not convert, else null. */
    private static String problem(OptionSpec option, String value) {
        if (option.converters().length > 0) {
            try {
                option.converters()[0].convert(value);
                return null;
            } catch (CommandLine.TypeConversionException e) {
                return "a value like " + option.paramLabel() + " (" + e.getMessage() + ")";
            } catch (Exception e) {
                return "a value like " + option.paramLabel();
            }
        }
        Class<?> type = option.type();
        String v = value.trim();
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(v);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(v);
            } else if (type == double.class || type == Double.class) {
                if (!Double.isFinite(Double.parseDouble(v))) {
                    return "a number";
                }
            } else if (type == boolean.class || type == Boolean.class) {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    return "true or false";
                }
            } else if (type.isEnum()) {
                return enumProblem(type, v);
            }
            return null;
        } catch (NumberFormatException e) {
            return type == double.class || type == Double.class ? "a number" : "a whole number";
        }
    }

    private static String enumProblem(Class<?> type, String value) {
        Object[] constants = type.getEnumConstants();
        for (Object c : constants) {
            if (((Enum<?>) c).name().equalsIgnoreCase(value)) {
                return null;
            }
        }
        return "one of " + Arrays.stream(constants).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
