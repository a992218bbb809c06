package dev.instructgen.cli;

import dev.instructgen.config.ConfigFile;
import dev.instructgen.error.BadInputException;
import dev.instructgen.licensing.CommercialUseGate;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.method.selfinstruct.AnswerScope;
import dev.instructgen.method.selfinstruct.AnswerSetup;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.prompt.PromptTemplate;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.TeacherUrl;
import dev.instructgen.teacher.pricing.Price;
import dev.instructgen.teacher.stack.TeacherStack;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;

/** The answer pass's options ({@code --answer-pass}; docs/self-instruct.md, "Answer pass"). */
public final class AnswerOptions {

    @Option(names = "--answer-pass", paramLabel = "on|all|off", arity = "0..1", fallbackValue = "on",
            defaultValue = "off", converter = ScopeCheck.class,
            description = "Write each instance's output again by asking the instruction and input directly "
                    + "(prompts/self-instruct/answer.txt); on (alone: --answer-pass) keeps the labels of "
                    + "classification instances, all answers those too. Default: ${DEFAULT-VALUE}")
    String answerPass;

    @Option(names = "--answer-url", paramLabel = "URL",
            description = "Base URL of the answer model. Default: the teacher's")
    String answerUrl;

    @Option(names = "--answer-model", paramLabel = "NAME", description = "Answer model. Default: the teacher's")
    String answerModel;

    @Option(names = "--answer-api", paramLabel = "openai|ollama",
            description = "Wire format of the answer model. Default: the teacher's")
    TeacherApi answerApi;

    /** Checks the value as picocli reads it, so a bad one names the option (or the config file and line). */
    static final class ScopeCheck implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                AnswerScope.parse(value);
                return value;
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * The answer pass as asked, or null without {@code --answer-pass}. Its endpoint, model and wire format default
     * to the teacher's; naming another gives it a teacher stack of its own (same decorators, same counters), priced
     * by its own entry in the price table, and its terms join the license of every example it answers, so
     * {@code --require-commercial} and {@code --max-cost} apply to it as to the teacher; it is checked before the
     * run like the teacher (not for a dry run).
     *
     * @param sampling the answer stage's sampling (the config file's {@code sampling.answer} applied)
     */
    AnswerSetup setup(GenerationOptions gen, ConfigFile config, PromptLibrary prompts, Sampling sampling,
                      List<SeedSource> seedSources, PrintWriter err) {
        AnswerScope scope = AnswerScope.parse(answerPass);
        if (scope == null) {
            if (answerUrl != null || answerModel != null || answerApi != null) {
                throw new BadInputException("--answer-url, --answer-model and --answer-api need --answer-pass");
            }
            return null;
        }
        TeacherSettings teacher = gen.teacherSettings();
        TeacherApi api = answerApi != null ? answerApi : teacher.api();
        URI url = answerUrl != null ? TeacherUrl.parse("--answer-url", answerUrl)
                : answerApi != null && answerApi != teacher.api() && gen.teacherUrl == null
                ? (api == TeacherApi.OLLAMA ? GenerationOptions.DEFAULT_OLLAMA_URL
                : GenerationOptions.DEFAULT_OPENAI_URL)
                : teacher.baseUrl();
        String model = answerModel != null ? answerModel : teacher.model();
        TeacherSettings answerTeacher = new TeacherSettings(api, url, model, teacher.apiKeyEnv(),
                teacher.concurrency(), teacher.timeout(), teacher.maxRpm(), teacher.maxTpm(), teacher.patience(),
                teacher.reasoning(), teacher.structured(), teacher.logRequests());
        boolean own = !answerTeacher.equals(teacher);
        TeacherTerms terms = TeacherTermsAndPrice.policy(config).termsFor(answerTeacher.identity());
        if (gen.requireCommercial) {
            new CommercialUseGate().check(seedSources, terms);
        }
        if (own && terms.isUnknown() && !model.equals(teacher.model())) {
            err.println("warning: the terms of answer model '" + model + "' are unknown: the examples it answers "
                    + "get commercial_use null (add an entry under licensing.teacher-terms in the --config file)");
        }
        Price price = TeacherTermsAndPrice.prices(config).priceFor(answerTeacher.identity());
        if (gen.maxCost != null && !price.isKnown()) {
            throw new BadInputException("--max-cost needs a price for answer model '" + model + "', which the "
                    + "price table does not list; add it under 'prices' in the --config file");
        }
        if (own && !gen.dryRun) {
            // as the teacher is checked: a wrong --answer-url fails now, not after every answer has been retried
            TeacherStack.checkReachable(answerTeacher, System::getenv, err::println);
        }
        PromptTemplate template = prompts.get(AnswerSetup.TEMPLATE);
        AnswerSetup setup = new AnswerSetup(scope, answerTeacher, own, terms, price, sampling, template);
        setup.prompt("Name three rivers.", "Europe"); // a broken override fails here, before any request
        return setup;
    }
}
