package dev.instructgen.method.alpaca;

import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.filter.Filter;
import dev.instructgen.filter.InstanceScreen;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.filter.KeywordBlacklistFilter;
import dev.instructgen.filter.LeadingCharacterFilter;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.WordCountFilter;
import dev.instructgen.filter.WriteAProgramFilter;
import dev.instructgen.text.NoveltyIndex;

import java.util.Locale;

/**
 * Every filter of an Alpaca run, in the order they run. The reference (generate_instruction.py,
 * {@code post_process_gpt3_response}) keeps Self-Instruct's instruction heuristics (length, keyword blacklist with
 * Alpaca's extra words video, audio, music, flowchart and diagram, which {@link InstructionFilterSettings#defaults}
 * already holds, "Write a program", leading punctuation or non-ASCII), then the ROUGE-L novelty check against
 * every seed and every instruction kept so far. We add the instance field checks (empty output, output copying
 * the input, a field ending in ':') because the triple's output is kept as written.
 *
 * @param instruction heuristics on the instruction, first rejection wins
 * @param fields      checks on the input and output
 * @param novelty     ROUGE-L F1 against the whole pool; admits the novel instructions into it
 */
record AlpacaFilters(Filter<String> instruction, Filter<CandidateInstance> fields, NoveltyFilter novelty) {

    static AlpacaFilters of(InstructionFilterSettings heuristics, NoveltyIndex pool) {
        return new AlpacaFilters(
                Filter.chain(
                        new WordCountFilter(heuristics.minWords(), heuristics.maxWords()),
                        new KeywordBlacklistFilter(heuristics.blacklist()),
                        new WriteAProgramFilter(),
                        new LeadingCharacterFilter()),
                InstanceScreen.fields(),
                NoveltyFilter.over(pool, (nearest, threshold) -> String.format(Locale.ROOT,
                        "ROUGE-L F1 %.3f > %.2f with %s", nearest.score(), threshold, nearest.mostSimilarId())));
    }
}
