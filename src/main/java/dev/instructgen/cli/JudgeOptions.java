package dev.instructgen.cli;

import dev.instructgen.config.ConfigFile;
import dev.instructgen.config.JudgeSection;
import dev.instructgen.filter.quality.JudgeSettings;
import dev.instructgen.filter.quality.JudgeSetup;
import dev.instructgen.filter.quality.LlmJudge;
import dev.instructgen.filter.quality.OnUnreadable;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.TeacherUrl;
import picocli.CommandLine.Option;

import java.net.URI;

/** The LLM judge's options, shared by the generating commands ({@code --judge}; docs/quality.md). */
public final class JudgeOptions {

    @Option(names = "--judge",
            description = "Score every example with an LLM judge (AlpaGasus rubric, 0-5, prompts/judge/score.txt) "
                    + "before it counts toward --target.")
    boolean judge;

    @Option(names = "--judge-url", paramLabel = "URL",
            description = "Base URL of the judge. Default: the teacher's")
    String judgeUrl;

    @Option(names = "--judge-model", paramLabel = "NAME", description = "Judge model. Default: the teacher's")
    String judgeModel;

    @Option(names = "--judge-api", paramLabel = "openai|ollama",
            description = "Wire format of the judge. Default: the teacher's")
    TeacherApi judgeApi;

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "4.5",
            description = "Keep examples the judge scores at least this (0-5; AlpaGasus kept >= 4.5). "
                    + "Default: ${DEFAULT-VALUE}")
    double minScore;

    @Option(names = "--on-unreadable", paramLabel = "keep|drop", defaultValue = "drop",
            description = "What to do with an example whose verdict cannot be read after one retry. "
                    + "Default: ${DEFAULT-VALUE}")
    String onUnreadable;

    /**
     * The judge as asked, or null without {@code --judge}. Its endpoint, model and wire format default to the
     * teacher's; naming another, or a {@code judge.concurrency} in the config file, gives it a teacher stack of its
     * own (same decorators, same counters).
     */
    JudgeSetup setup(GenerationOptions gen, ConfigFile config, PromptLibrary prompts) {
        if (!judge) {
            if (judgeUrl != null || judgeModel != null || judgeApi != null) {
                throw new dev.instructgen.error.BadInputException(
                        "--judge-url, --judge-model and --judge-api need --judge");
            }
            return null;
        }
        JudgeSection section = JudgeSection.apply(JudgeSettings.DEFAULT_SAMPLING,
                config.section("judge").orElse(null), String.valueOf(config.path()));
        JudgeSettings settings = new JudgeSettings(minScore, OnUnreadable.fromKey(onUnreadable), section.sampling());
        TeacherSettings teacher = gen.teacherSettings(config);
        TeacherApi api = judgeApi != null ? judgeApi : teacher.api();
        URI url = judgeUrl != null ? TeacherUrl.parse(judgeUrl)
                : judgeApi != null && judgeApi != teacher.api() && gen.teacherUrl == null
                ? (api == TeacherApi.OLLAMA ? GenerationOptions.DEFAULT_OLLAMA_URL
                : GenerationOptions.DEFAULT_OPENAI_URL)
                : teacher.baseUrl();
        String model = judgeModel != null ? judgeModel : teacher.model();
        int concurrency = section.concurrency() != null ? section.concurrency() : teacher.concurrency();
        // --reasoning, --structured and --log-requests apply to the judge's requests as to the teacher's
        TeacherSettings judgeTeacher = new TeacherSettings(api, url, model, teacher.apiKeyEnv(), concurrency,
                teacher.timeout(), teacher.maxRpm(), teacher.maxTpm(), teacher.patience(), teacher.reasoning(),
                teacher.structured(), teacher.logRequests());
        boolean own = !judgeTeacher.equals(teacher);
        return new JudgeSetup(judgeTeacher, own, settings, prompts.get(LlmJudge.TEMPLATE));
    }
}
