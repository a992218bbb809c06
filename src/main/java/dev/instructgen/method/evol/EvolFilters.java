package dev.instructgen.method.evol;

import dev.instructgen.filter.Filter;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.filter.WordCountFilter;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.evol.ApologyFilter;
import dev.instructgen.filter.evol.NoInformationGainCheck;
import dev.instructgen.filter.evol.PromptLeakFilter;
import dev.instructgen.filter.evol.Rewrite;
import dev.instructgen.filter.evol.StopwordsOnlyFilter;
import dev.instructgen.filter.quality.InlineQuality;
import dev.instructgen.text.NoveltyIndex;

import java.util.Locale;
import java.util.Map;

/**
 * Every elimination rule of an Evol-Instruct run (WizardLM, Xu et al. 2023, section 3.3), cheapest first, in the
 * order they run: on the rewrite, too few words (Self-Instruct's minimum), a prompt leak (rule 4) and then a rewrite that is its parent by text (rule 1);
 * the teacher's equality judgement (rule 1, a stage of its own, see {@link EvolutionStep#judge}); on the answer,
 * an apology (rule 2) and then only stop words (rule 3); last the optional ROUGE-L novelty against everything
 * accepted outside the lineage. A new rule joins one of these chains.
 *
 * @param rewrite  rules on the rewritten instruction next to its parent
 * @param response rules on the teacher's answer to the rewrite
 * @param novelty  the novelty check, or {@link NoveltyFilter#off()} without {@code --rouge-threshold}
 */
public record EvolFilters(Filter<Rewrite> rewrite, Filter<String> response, NoveltyFilter novelty) {

    /** @param pool the run's novelty index, used only when the settings turn the novelty check on */
    public static EvolFilters of(EvolSettings settings, NoveltyIndex pool) {
        return of(settings, pool, InlineQuality.OFF);
    }

    /**
     * With the inline quality filters: decontamination of the rewrite after the other rewrite rules (before the
     * judge and the response are paid for) and of the answer after the answer rules; semantic near-duplicates joined
     * to the novelty check, against the inputs and everything accepted outside the lineage.
     */
    public static EvolFilters of(EvolSettings settings, NoveltyIndex pool, InlineQuality quality) {
        Filter<Rewrite> rewrite = Filter.chain(
                // Self-Instruct's minimum length applies to rewrites too: a 1-word " or " is no instruction
                new WordCountFilter(InstructionFilterSettings.defaults().minWords(), Integer.MAX_VALUE)
                        .on(Rewrite::child),
                new PromptLeakFilter().on(Rewrite::child),
                new NoInformationGainCheck(),
                quality.promptOverlap().on(Rewrite::child));
        Filter<String> response = Filter.chain(
                new ApologyFilter(),
                new StopwordsOnlyFilter(),
                quality.outputOverlap());
        NoveltyFilter novelty = settings.noveltyFilter()
                ? NoveltyFilter.over(pool, (nearest, threshold) -> String.format(Locale.ROOT,
                        "ROUGE-L F1 %.3f > %.2f against %s", nearest.score(), threshold, nearest.mostSimilarId()))
                : NoveltyFilter.off();
        return new EvolFilters(rewrite, response, quality.novelty(novelty, id -> id, Map.of()));
    }
}
