package dev.instructgen.licensing;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.TeacherIdentity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The versioned policy table of teacher terms (licensing/teacher-terms.yaml) plus the user's overrides.
 * Rules are tried in order and the first match wins: rules bound to a host first (a hosted API's terms govern
 * whatever model it serves), then model-name rules, most specific first. Immutable and thread-safe.
 */
public final class TeacherTermsPolicy {

    private static final class Shipped {
        static final TeacherTermsPolicy INSTANCE = fromFile(ShippedYaml.read("teacher-terms.yaml", PolicyFile.class));
    }

    private final String version;
    private final LocalDate checked;
    private final Map<String, TermsEntry> terms;
    private final List<Rule> rules;
    private final int overrides;

    private TeacherTermsPolicy(String version, LocalDate checked, Map<String, TermsEntry> terms, List<Rule> rules,
                               int overrides) {
        this.version = version;
        this.checked = checked;
        this.terms = Map.copyOf(terms);
        this.rules = List.copyOf(rules);
        this.overrides = overrides;
    }

    /** The table shipped with instructgen. */
    public static TeacherTermsPolicy loadDefault() {
        return Shipped.INSTANCE;
    }

    /**
     * This policy with the user's entries placed before every shipped rule.
     *
     * @throws BadInputException naming the entry ("licensing.teacher-terms[2]") when one is malformed
     */
    public TeacherTermsPolicy withOverrides(List<TermsOverride> entries) {
        if (entries == null || entries.isEmpty()) {
            return this;
        }
        List<Rule> combined = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            combined.add(overrideRule(entries.get(i), "licensing.teacher-terms[" + i + "]"));
        }
        combined.addAll(rules);
        return new TeacherTermsPolicy(version, checked, terms, combined, overrides + entries.size());
    }

    /** The terms for a model name as the user wrote it, ignoring host-bound rules. */
    public TeacherTerms termsFor(String model) {
        return termsFor(model, null);
    }

    /** The terms for the run's teacher: host-bound rules apply when it is served from that host. */
    public TeacherTerms termsFor(TeacherIdentity teacher) {
        return termsFor(teacher.model(), teacher.host());
    }

    /**
     * @param host host[:port] the teacher is served from, or null when unknown
     */
    public TeacherTerms termsFor(String model, String host) {
        String normalised = ModelNameNormaliser.normalise(model == null ? "" : model);
        String bareHost = host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        if (bareHost != null) {
            for (Rule rule : rules) {
                if (rule.host() != null && rule.matchesHost(bareHost) && rule.matchesModel(normalised)) {
                    return rule.termsFor(model);
                }
            }
        }
        for (Rule rule : rules) {
            if (rule.host() == null && rule.matchesModel(normalised)) {
                return rule.termsFor(model);
            }
        }
        return new Rule(TeacherTerms.UNKNOWN, null, null, terms.get(TeacherTerms.UNKNOWN), null).termsFor(model);
    }

    /** The policy version recorded in the manifest, with "+N overrides" when the config changed it. */
    public String version() {
        return overrides == 0 ? version : version + "+" + overrides + (overrides == 1 ? " override" : " overrides");
    }

    /** When the shipped table as a whole was last checked. */
    public LocalDate checked() {
        return checked;
    }

    /** Ids of the shipped terms entries, for error messages and docs. */
    public List<String> termsIds() {
        return terms.keySet().stream().sorted().toList();
    }

    private Rule overrideRule(TermsOverride o, String where) {
        if (blank(o.match()) && blank(o.host())) {
            throw new BadInputException(where + ": needs 'match' (a model-name pattern) or 'host'");
        }
        TermsEntry entry;
        if (!blank(o.terms())) {
            entry = terms.get(o.terms());
            if (entry == null) {
                throw new BadInputException(where + ": unknown terms '" + o.terms() + "'; expected one of "
                        + String.join(", ", termsIds()) + ", or inline 'name', 'url', 'commercial_use'");
            }
        } else {
            if (blank(o.name())) {
                throw new BadInputException(where + ": needs 'terms' (a shipped terms id) or 'name' (inline terms)");
            }
            entry = new TermsEntry("config:" + o.name(), o.name(), o.url(), o.commercialUse(), o.restrictions(),
                    o.source() == null ? o.url() : o.source(), date(o.checked(), where + ".checked"), o.note());
        }
        String family = !blank(o.family()) ? o.family() : !blank(o.match()) ? o.match() : o.host();
        // An inline entry holds its own note; a rule pointing at shipped terms adds the note to theirs.
        String ruleNote = blank(o.terms()) ? null : o.note();
        return new Rule(family, compile(o.match(), where + ".match"), blank(o.host()) ? null : o.host().strip(),
                entry, ruleNote);
    }

    private static TeacherTermsPolicy fromFile(PolicyFile file) {
        String where = "licensing/teacher-terms.yaml";
        Map<String, TermsEntry> terms = new LinkedHashMap<>();
        file.terms().forEach((id, t) -> terms.put(id, new TermsEntry(id, t.name(), t.url(), t.commercialUse(),
                t.restrictions(), t.source(), date(t.checked(), where + " terms." + id), t.note())));
        if (!terms.containsKey(TeacherTerms.UNKNOWN)) {
            throw new IllegalStateException(where + " has no 'unknown' terms entry");
        }
        List<Rule> rules = new ArrayList<>();
        for (PolicyFile.RuleDoc r : file.rules()) {
            TermsEntry entry = terms.get(r.terms());
            if (entry == null) {
                throw new IllegalStateException(where + ": rule '" + r.family() + "' names unknown terms " + r.terms());
            }
            rules.add(new Rule(r.family(), compile(r.match(), where + " rule " + r.family()), r.host(), entry,
                    r.note()));
        }
        return new TeacherTermsPolicy(file.version(), date(file.checked(), where + " checked"), terms, rules, 0);
    }

    private static Pattern compile(String regex, String where) {
        if (blank(regex)) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new BadInputException(where + ": invalid regular expression '" + regex + "': "
                    + e.getDescription());
        }
    }

    private static LocalDate date(String value, String where) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException(where + ": expected a date like 2026-01-31, got '" + value + "'");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A terms entry of the table. */
    record TermsEntry(String id, String name, String url, Boolean commercialUse, List<String> restrictions,
                      String source, LocalDate checked, String note) {
        TermsEntry {
            restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
        }
    }

    /** One ordered rule: a model-name pattern and/or a host, and the terms it maps to. */
    record Rule(String family, Pattern match, String host, TermsEntry terms, String note) {

        boolean matchesModel(String normalised) {
            return match == null || match.matcher(normalised).lookingAt();
        }

        boolean matchesHost(String bareHost) {
            String h = host.toLowerCase(Locale.ROOT);
            return h.startsWith(".") ? bareHost.endsWith(h) || bareHost.equals(h.substring(1)) : bareHost.equals(h);
        }

        TeacherTerms termsFor(String model) {
            // A rule that maps to "unknown" explains why itself; the generic "no entry" remark would mislead.
            String remark = note == null ? terms.note()
                    : terms.note() == null || TeacherTerms.UNKNOWN.equals(terms.id()) ? note : note + " " + terms.note();
            return new TeacherTerms(model == null ? "" : model, family, terms.id(), terms.name(), terms.url(),
                    terms.commercialUse(), terms.restrictions(), terms.source(), terms.checked(), remark);
        }
    }
}
