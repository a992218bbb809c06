package dev.instructgen.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.error.BadInputException;
import dev.instructgen.filter.InstructionFilterSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code filters:} section of a config file: the heuristic instruction filters' settings, e.g.
 * <pre>
 * filters:
 *   min-words: 4
 *   max-words: 120
 *   blacklist: [image, picture, video, spreadsheet]
 * </pre>
 * {@code blacklist} replaces the default list; {@code extra-blacklist} adds to it.
 */
public final class FilterSection {

    private static final Set<String> KEYS = Set.of("min-words", "max-words", "blacklist", "extra-blacklist");

    private FilterSection() {
    }

    public static InstructionFilterSettings apply(InstructionFilterSettings defaults, JsonNode section, String where) {
        if (section == null || section.isNull()) {
            return defaults;
        }
        SectionFields fields = SectionFields.of(section, KEYS, where + ": filters");
        int min = fields.wholeNumber("min-words", defaults.minWords());
        int max = fields.wholeNumber("max-words", defaults.maxWords());
        List<String> blacklist = new ArrayList<>(fields.strings("blacklist", defaults.blacklist()));
        blacklist.addAll(fields.strings("extra-blacklist", List.of()));
        try {
            return new InstructionFilterSettings(min, max, blacklist);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": filters: " + e.getMessage(), e);
        }
    }
}
