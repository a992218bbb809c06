package dev.instructgen.filter.quality;

import dev.instructgen.dataset.Provenance;
import dev.instructgen.prompt.PromptTemplate;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherSettings;

import java.util.Map;
import java.util.Objects;

/**
 * What a command settled about its judge ({@code --judge}): the model and endpoint (the run's teacher unless
 * {@code --judge-url/-model/-api} name another), the rubric and the thresholds.
 *
 * @param teacher  how to reach the judge
 * @param ownStack whether the judge needs a teacher stack of its own (another endpoint, model or concurrency
 *                 share); otherwise its requests go through the run's teacher
 */
public record JudgeSetup(TeacherSettings teacher, boolean ownStack, JudgeSettings settings, PromptTemplate template) {

    public JudgeSetup {
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(template, "template");
    }

    /** The judge over {@code client}, recording this setup's model in provenance.quality. */
    public LlmJudge judge(TeacherClient client) {
        return new LlmJudge(client, template, settings, Provenance.TeacherRef.of(teacher.identity()));
    }

    /**
     * The manifest's {@code judge} settings: a resume with another judge model, rubric or threshold is refused by
     * name; the endpoint and the concurrency may change, as the teacher's may.
     */
    public Map<String, Object> manifest() {
        return settings.manifest(teacher.model(), template.provenanceId());
    }
}
