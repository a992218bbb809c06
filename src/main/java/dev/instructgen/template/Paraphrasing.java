package dev.instructgen.template;

import dev.instructgen.error.BadInputException;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.prompt.PromptTemplate;
import dev.instructgen.teacher.TeacherClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code --paraphrase-templates N}: the teacher writes N more wordings of each template's instruction, once per
 * template (journalled, see {@link ParaphraseJournal}), and the rows of a template are spread over its wordings.
 *
 * @param count    rewordings asked per template, 1 to {@link #MAX}
 * @param prompt   prompts/template/paraphrase.txt (or its override)
 * @param terms    the teacher's terms: examples in a teacher's wording carry them in their license block
 * @param warnings told when a template gets fewer rewordings than asked
 */
public record Paraphrasing(int count, TeacherClient teacher, PromptTemplate prompt, TeacherTerms terms,
                           Consumer<String> warnings) {

    /** FLAN wrote about ten templates per dataset; twenty wordings of one template is already plenty. */
    public static final int MAX = 20;

    public Paraphrasing {
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(warnings, "warnings");
        if (count < 1 || count > MAX) {
            throw new BadInputException("--paraphrase-templates must be between 1 and " + MAX + ", got " + count);
        }
    }

    /** The wordings of each template: index 0 is the task file's own instruction. */
    record Wordings(Map<String, List<String>> byTemplate, List<ParaphraseJournal.Entry> used) {

        static Wordings none(TaskFile task) {
            Map<String, List<String>> byTemplate = new LinkedHashMap<>();
            task.templates().forEach(t -> byTemplate.put(t.id(), List.of(t.instruction())));
            return new Wordings(byTemplate, List.of());
        }

        boolean paraphrased() {
            return !used.isEmpty();
        }
    }

    /** The wordings of every template, asking the teacher only for those the journal does not hold. */
    Wordings wordings(TaskFile task, ParaphraseJournal journal) {
        TemplateParaphraser paraphraser = new TemplateParaphraser(teacher, prompt);
        Map<String, List<String>> byTemplate = new LinkedHashMap<>();
        List<ParaphraseJournal.Entry> used = new ArrayList<>();
        for (TaskTemplate t : task.templates()) {
            List<String> wordings = new ArrayList<>(List.of(t.instruction()));
            if (TemplateParaphraser.paraphrasable(t.instruction())) {
                ParaphraseJournal.Entry entry = journal.find(t.id(), t.instruction(), count).orElseGet(() -> {
                    TemplateParaphraser.Answer answer = paraphraser.paraphrase(t.instruction(), count);
                    ParaphraseJournal.Entry asked = new ParaphraseJournal.Entry(t.id(), t.instruction(), count,
                            answer.paraphrases(), teacher.identity().model(), prompt.provenanceId());
                    journal.append(asked);
                    if (answer.paraphrases().size() < count) {
                        warnings.accept("template " + t.id() + ": the teacher gave " + answer.paraphrases().size()
                                + " usable rewordings of the " + count + " asked (" + answer.refused()
                                + " refused: blank, repeated, or with other placeholders than the instruction's)");
                    }
                    return asked;
                });
                List<String> paraphrases = entry.paraphrases();
                wordings.addAll(paraphrases.subList(0, Math.min(count, paraphrases.size())));
                used.add(entry);
            }
            byTemplate.put(t.id(), List.copyOf(wordings));
        }
        return new Wordings(byTemplate, used);
    }
}
