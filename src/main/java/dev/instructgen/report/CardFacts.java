package dev.instructgen.report;

import dev.instructgen.storage.StatsFile;
import dev.instructgen.licensing.LicenseSummary;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TokenUsage;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the dataset card states about a finished run. Maps keep their insertion order, so the caller
 * decides the order of rows.
 *
 * @param command          the run's method code, e.g. "self-instruct"
 * @param policyVersion    the teacher-terms policy version applied ({@link TeacherTermsPolicy#version()})
 * @param proposed         candidates the filters saw
 * @param acceptedByMethod accepted examples per method ("self-instruct", "evol-instruct", "seed")
 * @param rejectedByReason rejected candidates per reason code
 * @param costUsd          estimated cost in US dollars, or null when not estimated (local teachers)
 * @param settings         the effective settings worth stating (never secrets), display strings
 * @param licenseSummary   computed from the accepted examples' license blocks
 * @param languages        ISO 639-1 codes of the data, e.g. ["en"]
 * @param methods          what the card says about each method the run used, supplied by the methods
 * @param notes            sentences that explain the counts where they do not add up on their own (pending
 *                         candidates, requests in flight, a resumed run's active time, lost examples)
 * @param quality          the LLM judge's counters of a run with {@code --judge}, else null
 */
public record CardFacts(String command, String runId, TeacherIdentity teacher, TeacherTerms teacherTerms,
                        String policyVersion, List<SeedSource> seedSources, long proposed, long accepted,
                        Map<String, Long> acceptedByMethod, Map<String, Long> rejectedByReason, TokenUsage tokens,
                        Double costUsd, Instant startedAt, Instant finishedAt, Map<String, String> settings,
                        LicenseSummary licenseSummary, List<String> languages,
                        List<MethodCard> methods, List<String> notes, StatsFile.Quality quality) {

    /** The facts of a run without a judge. */
    public CardFacts(String command, String runId, TeacherIdentity teacher, TeacherTerms teacherTerms,
                     String policyVersion, List<SeedSource> seedSources, long proposed, long accepted,
                     Map<String, Long> acceptedByMethod, Map<String, Long> rejectedByReason, TokenUsage tokens,
                     Double costUsd, Instant startedAt, Instant finishedAt, Map<String, String> settings,
                     LicenseSummary licenseSummary, List<String> languages,
                     List<MethodCard> methods, List<String> notes) {
        this(command, runId, teacher, teacherTerms, policyVersion, seedSources, proposed, accepted,
                acceptedByMethod, rejectedByReason, tokens, costUsd, startedAt, finishedAt, settings,
                licenseSummary, languages, methods, notes, null);
    }

    public CardFacts {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(teacherTerms, "teacherTerms");
        Objects.requireNonNull(licenseSummary, "licenseSummary");
        seedSources = seedSources == null ? List.of() : List.copyOf(seedSources);
        acceptedByMethod = ordered(acceptedByMethod);
        rejectedByReason = ordered(rejectedByReason);
        settings = ordered(settings);
        tokens = tokens == null ? TokenUsage.ZERO : tokens;
        methods = methods == null ? List.of() : List.copyOf(methods);
        languages = languages == null || languages.isEmpty() ? List.of("en") : List.copyOf(languages);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
