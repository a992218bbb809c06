package dev.instructgen.method.unnatural;

import dev.instructgen.licensing.SeedSource;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.text.Similarity;

import java.util.List;
import java.util.Set;

/**
 * A core instruction that passed the filters, on its way through output generation and paraphrasing.
 *
 * @param id          the core example's id, which is also the task id its paraphrases share
 * @param constraints what the answer must look like; shown to the teacher for the output, then discarded as in the
 *                    paper (section 2.2)
 * @param output      the answer, once written ("" before output generation)
 */
record CoreTask(String id, String instruction, String input, String constraints, String output,
                List<String> parents, Set<SeedSource> sources, Similarity novelty, TokenUsage usage) {

    CoreTask withOutput(String answer, TokenUsage spent) {
        return new CoreTask(id, instruction, input, constraints, answer, parents, sources, novelty, usage.plus(spent));
    }
}
