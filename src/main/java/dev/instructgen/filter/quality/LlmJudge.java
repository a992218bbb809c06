package dev.instructgen.filter.quality;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Verdict;
import dev.instructgen.prompt.PromptTemplate;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An LLM judge: asks a teacher to score one example on a rubric (by default {@code prompts/judge/score.txt}, after
 * AlpaGasus, Chen et al. 2023: accuracy and helpfulness of the response to the instruction and input, 0-5), reads
 * the verdict ({@link JudgeReplyParser}) and decides against {@link JudgeSettings#minScore()}. A reply that cannot
 * be read is asked again once; a second unreadable reply is decided by {@link JudgeSettings#onUnreadable()}.
 *
 * <p>Independent of any method: the generating commands call it inline before an example counts toward
 * {@code --target}, and any other caller (e.g. a command curating an existing dataset) can call {@link #judge}
 * with its own teacher. Thread-safe when the teacher is; each call makes one or two teacher requests.
 */
public final class LlmJudge {

    /** The stage label of the judge's requests (usage.jsonl, stats.json by_stage) and of its rejections. */
    public static final String STAGE = "quality-judge";
    /** The shipped rubric, overridable like every template. */
    public static final String TEMPLATE = "judge/score.txt";

    private final TeacherClient teacher;
    private final PromptTemplate template;
    private final JudgeSettings settings;
    private final Provenance.TeacherRef judge;
    private final JudgeReplyParser parser = new JudgeReplyParser();

    /**
     * @param teacher  the judge model's client (a run's second teacher, or the run's own)
     * @param template the rubric; its placeholders are {@code instruction}, {@code input} and {@code output}
     * @param judge    who judges, as provenance.quality records it
     */
    public LlmJudge(TeacherClient teacher, PromptTemplate template, JudgeSettings settings,
                    Provenance.TeacherRef judge) {
        this.teacher = Objects.requireNonNull(teacher, "teacher");
        this.template = Objects.requireNonNull(template, "template");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.judge = Objects.requireNonNull(judge, "judge");
    }

    /**
     * The judge's verdict on one example.
     *
     * @param score     what the judge gave, null when unreadable
     * @param rationale the judge's reason ("" when it gave none)
     * @param verdict   accept, or reject as {@code low_quality} / {@code judge_unreadable}
     * @param usage     tokens the judge's requests cost
     */
    public record Judgement(Double score, String rationale, Verdict verdict, Provenance.TeacherRef judge,
                            TokenUsage usage) {

        public boolean readable() {
            return score != null;
        }

        /** What provenance.quality records on a kept example. */
        public Provenance.Quality quality() {
            return new Provenance.Quality(score, rationale, judge);
        }
    }

    /** Scores {@code example} by its instruction, input and output. */
    public Judgement judge(Example example) {
        return judge(example.instruction(), example.input(), example.output());
    }

    /** Scores one instruction / input / response triple (the input may be empty). */
    public Judgement judge(String instruction, String input, String output) {
        String prompt = template.render(Map.of("instruction", instruction,
                "input", input == null || input.isBlank() ? "(none)" : input, "output", output));
        TokenUsage usage = TokenUsage.ZERO;
        for (int attempt = 1; attempt <= 2; attempt++) {
            TeacherReply reply = teacher.complete(TeacherRequest.ofUserPrompt(STAGE, prompt, settings.sampling())
                    .withSchema(JudgeSchema.SCHEMA));
            usage = usage.plus(reply.usage());
            Optional<JudgeReplyParser.Parsed> parsed = parser.parse(reply.text());
            if (parsed.isPresent()) {
                return decided(parsed.get(), usage);
            }
        }
        Verdict verdict = settings.onUnreadable() == OnUnreadable.KEEP ? Verdict.accept()
                : Verdict.reject(RejectionReason.JUDGE_UNREADABLE,
                "no score could be read from the judge's reply (asked twice)");
        return new Judgement(null, "unreadable verdict", verdict, judge, usage);
    }

    private Judgement decided(JudgeReplyParser.Parsed parsed, TokenUsage usage) {
        Verdict verdict = parsed.score() >= settings.minScore() ? Verdict.accept()
                : Verdict.reject(RejectionReason.LOW_QUALITY, String.format(Locale.ROOT,
                "judge score %s < --min-score %s: %s", format(parsed.score()), format(settings.minScore()),
                parsed.rationale()));
        return new Judgement(parsed.score(), parsed.rationale(), verdict, judge, usage);
    }

    /** The template's provenance id, "judge/score.txt@sha prefix". */
    public String provenance() {
        return template.provenanceId();
    }

    public JudgeSettings settings() {
        return settings;
    }

    static String format(double score) {
        return score == Math.rint(score) ? String.format(Locale.ROOT, "%.1f", score)
                : String.valueOf(score);
    }
}
