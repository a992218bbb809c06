package dev.instructgen.method.selfinstruct;

import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.filter.Filter;
import dev.instructgen.filter.InstanceScreen;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.filter.KeywordBlacklistFilter;
import dev.instructgen.filter.LeadingCharacterFilter;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.WordCountFilter;
import dev.instructgen.filter.WriteAProgramFilter;
import dev.instructgen.filter.quality.InlineQuality;
import dev.instructgen.text.NoveltyIndex;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every filter of a Self-Instruct run, in the order they run (Wang et al. 2023, section 2.3 "Filtering and
 * Postprocessing"): each new instruction goes through the heuristics, then the ROUGE-L novelty check against the
 * pool; each instance of a task through the instance screen. A new filter of an instruction (an LLM judge, say)
 * joins {@link #instructionHeuristics}'s chain, one of an instance the screen's per-instance chain.
 *
 * @param instruction the heuristics, first rejection wins
 * @param novelty     ROUGE-L F1 against seeds and accepted instructions; admits the novel ones into the pool
 * @param instances   the instance screen of one task's reply
 */
public record SelfInstructFilters(Filter<String> instruction, NoveltyFilter novelty, InstanceScreen instances) {

    /**
     * @param pool     the run's novelty index (seeds and accepted instructions)
     * @param tasks    the task pool, to name the similar instruction in a rejection's detail
     */
    public static SelfInstructFilters of(InstructionFilterSettings heuristics, NoveltyIndex pool, TaskPool tasks,
                                         int instancesPerTask) {
        return of(heuristics, pool, tasks, instancesPerTask, InlineQuality.OFF);
    }

    /**
     * With the inline quality filters: decontamination after the heuristics (an instruction) and after the field
     * checks (an instance's input and output); semantic near-duplicates joined to the ROUGE-L check, against the
     * same pool (seeds and accepted instructions; on resume those of the examples kept), so a paraphrase costs no
     * classification or instance request.
     */
    public static SelfInstructFilters of(InstructionFilterSettings heuristics, NoveltyIndex pool, TaskPool tasks,
                                         int instancesPerTask, InlineQuality quality) {
        NoveltyFilter rouge = NoveltyFilter.over(pool, (nearest, threshold) -> String.format(Locale.ROOT,
                "ROUGE-L F1 %.3f > %.2f with %s: %s", nearest.score(), threshold, nearest.mostSimilarId(),
                tasks.byId(nearest.mostSimilarId()).map(PoolEntry::instruction).orElse("?")));
        NoveltyFilter novelty = quality.novelty(rouge, id -> id + ": "
                + tasks.byId(id).map(PoolEntry::instruction).orElse("?"), members(tasks));
        Filter<CandidateInstance> perInstance = Filter.chain(InstanceScreen.fields(), quality.instanceOverlap());
        return new SelfInstructFilters(Filter.chain(instructionHeuristics(heuristics), quality.promptOverlap()),
                novelty, new InstanceScreen(instancesPerTask, perInstance));
    }

    /** The pool's members at the start of a session: the seeds, and on resume the tasks of the kept examples. */
    private static Map<String, String> members(TaskPool tasks) {
        Map<String, String> members = new LinkedHashMap<>();
        tasks.seeds().forEach(e -> members.put(e.id(), e.instruction()));
        for (int i = 0; i < tasks.generatedCount(); i++) {
            members.put(tasks.generated(i).id(), tasks.generated(i).instruction());
        }
        return members;
    }

    /**
     * The heuristics in the reference's order ({@code post_process_gpt3_response} in bootstrap_instructions.py):
     * word count, keyword blacklist, "Write a program", leading punctuation or non-letter.
     */
    public static Filter<String> instructionHeuristics(InstructionFilterSettings settings) {
        return Filter.chain(
                new WordCountFilter(settings.minWords(), settings.maxWords()),
                new KeywordBlacklistFilter(settings.blacklist()),
                new WriteAProgramFilter(),
                new LeadingCharacterFilter());
    }
}
