package dev.instructgen.method.unnatural;

import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.filter.Filter;
import dev.instructgen.filter.InstanceScreen;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.filter.KeywordBlacklistFilter;
import dev.instructgen.filter.LeadingCharacterFilter;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.WordCountFilter;
import dev.instructgen.text.NoveltyIndex;

import java.util.Locale;

/**
 * Every filter of an Unnatural Instructions run, in one place. The paper filters little (section 2.1: it drops
 * core examples whose fields are missing or that repeat a demonstration); we run the instruction heuristics on
 * core instructions and on paraphrases, the ROUGE-L novelty check on core instructions only (a paraphrase is meant
 * to resemble its parent and siblings), and the field checks on each core example's input and output.
 *
 * @param instruction heuristics on an instruction, core or paraphrase
 * @param novelty     ROUGE-L F1 of a core instruction against the seeds and earlier core instructions
 * @param fields      checks on a core example's input and output
 */
record UnnaturalFilters(Filter<String> instruction, NoveltyFilter novelty, Filter<CandidateInstance> fields) {

    static UnnaturalFilters of(InstructionFilterSettings heuristics, NoveltyIndex pool) {
        return new UnnaturalFilters(
                Filter.chain(
                        new WordCountFilter(heuristics.minWords(), heuristics.maxWords()),
                        new KeywordBlacklistFilter(heuristics.blacklist()),
                        new LeadingCharacterFilter()),
                NoveltyFilter.over(pool, (nearest, threshold) -> String.format(Locale.ROOT,
                        "ROUGE-L F1 %.3f > %.2f with %s", nearest.score(), threshold, nearest.mostSimilarId())),
                InstanceScreen.fields());
    }
}
