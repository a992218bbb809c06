package dev.instructgen.pipeline;

import java.util.List;

/**
 * One line of rejected.jsonl: a candidate a filter turned down, with its reason code and a human detail.
 *
 * @param id        the candidate's id (stable within the run)
 * @param stage     the stage whose filter rejected it
 * @param parents   ids the candidate was generated from or shown with
 * @param createdAt ISO-8601 UTC
 */
public record RejectedCandidate(String id, String stage, String reason, String detail, String instruction,
                                String input, String output, List<String> parents, String createdAt) {

    public RejectedCandidate {
        parents = parents == null ? List.of() : List.copyOf(parents);
    }
}
