package dev.instructgen.filter;

import java.util.List;

/**
 * A check on one candidate instruction proposed by the teacher. Implementations return a {@link Verdict} with
 * their own reason code and never throw; a chain stops at the first rejection.
 */
@FunctionalInterface
public interface InstructionFilter {

    Verdict check(String instruction);

    /**
     * Self-Instruct's heuristic filters (Wang et al. 2023, section 2.3 "Filtering and Postprocessing", and
     * {@code post_process_gpt3_response} in the reference code's bootstrap_instructions.py), in the reference's
     * order: word count, keyword blacklist, "Write a program", leading punctuation, leading non-letter. The ROUGE-L
     * novelty filter is separate because it needs the pool (see {@code text.NoveltyIndex}).
     */
    static InstructionFilter heuristics(InstructionFilterSettings settings) {
        return new InstructionFilterChain(List.of(
                new WordCountFilter(settings.minWords(), settings.maxWords()),
                new KeywordBlacklistFilter(settings.blacklist()),
                new WriteAProgramFilter(),
                new LeadingCharacterFilter()));
    }
}
