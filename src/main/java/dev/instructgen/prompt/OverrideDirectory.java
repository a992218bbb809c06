package dev.instructgen.prompt;

import dev.instructgen.error.BadInputException;
import dev.instructgen.error.StorageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a {@code --prompts} directory before a run uses it: a file whose name is not a shipped template's would
 * be silently ignored (the shipped template used instead), so a typo in a file name must be refused, naming the
 * file and the template it was probably meant to be. Hidden files (editor swap files, .DS_Store) are left alone.
 */
final class OverrideDirectory {

    private OverrideDirectory() {
    }

    /**
     * @param shipped  whether a relative name ("self-instruct/classification.txt") is a shipped template
     * @param allNames every shipped template's relative name, for the suggestion
     * @throws BadInputException naming every unknown file
     */
    static void refuseUnknownFiles(Path dir, Predicate<String> shipped, List<String> allNames) {
        List<String> unknown;
        try (Stream<Path> files = Files.walk(dir)) {
            unknown = files.filter(Files::isRegularFile)
                    .map(file -> dir.relativize(file))
                    .filter(relative -> !isHidden(relative))
                    .map(relative -> relative.toString().replace('\\', '/'))
                    .filter(name -> !shipped.test(name))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw StorageException.reading(dir, e);
        }
        if (unknown.isEmpty()) {
            return;
        }
        String named = unknown.stream().map(name -> name + suggestion(name, allNames))
                .collect(Collectors.joining(", "));
        throw new BadInputException("--prompts " + dir + ": " + (unknown.size() == 1 ? "unknown template " :
                "unknown templates ") + named + "; a file there must have a shipped template's name"
                + (allNames.isEmpty() ? "" : " (" + String.join(", ", allNames) + ")"));
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** " (did you mean X?)" for the closest shipped name within a few edits, else nothing. */
    private static String suggestion(String name, List<String> allNames) {
        return allNames.stream()
                .min(Comparator.comparingInt(known -> editDistance(name, known)))
                .filter(known -> editDistance(name, known) <= Math.max(3, known.length() / 4))
                .map(known -> " (did you mean " + known + "?)")
                .orElse("");
    }

    /** Levenshtein distance, two rows. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
