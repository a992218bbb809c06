package dev.instructgen.cli;

import dev.instructgen.error.BadInputException;
import dev.instructgen.licensing.TeacherTermsPolicy;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.TeacherUrl;
import dev.instructgen.teacher.stack.TeacherStack;
import dev.instructgen.template.Paraphrasing;
import dev.instructgen.template.TemplateRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code instructgen template}: labelled NLP data into instructions with several templates per task. */
@Command(name = "template", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Turn a labelled dataset (CSV with a header row, or JSONL) into instruction examples: each row is "
                        + "rendered with one of the task file's templates, drawn reproducibly and in balance "
                        + "(FLAN-style, some templates may invert the task). No teacher is needed.",
                "Example task files: prompts/template/ (qa, summarization, translation, classification).",
                "With --paraphrase-templates N a teacher writes N more wordings of each template's instruction, "
                        + "asked once and kept in paraphrases.jsonl, so a rerun does not ask again."},
        footer = {"", "Example:",
                "  instructgen template --in squad.csv --task prompts/template/qa.yaml \\",
                "      --license CC-BY-SA-4.0 --out runs/squad-instructions",
                "  instructgen template --in squad.csv --task prompts/template/qa.yaml --paraphrase-templates 3 \\",
                "      --teacher-url http://localhost:11434 --teacher-api ollama --model llama3.1:8b --out runs/squad-p3"})
public final class TemplateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE.csv|jsonl", description = "The labelled rows.")
    Path input;

    @Option(names = "--task", required = true, paramLabel = "TASK.yaml",
            description = "Fields, optional labels and license, and the templates (docs/templates.md).")
    Path task;

    @Option(names = "--license", paramLabel = "SPDX", description = "License of the input data. Default: the task "
            + "file's license, else FILE.license beside the input, else unknown.")
    String license;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the template draw. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory to (re)write.")
    Path out;

    @Option(names = "--paraphrase-templates", paramLabel = "N",
            description = "Ask the teacher for N more wordings of each template's instruction (1-"
                    + Paraphrasing.MAX + "); rows are spread over the wordings. Needs --teacher-url and --model.")
    Integer paraphrases;

    @Option(names = "--teacher-url", paramLabel = "URL",
            description = "Base URL of the teacher for --paraphrase-templates, e.g. http://localhost:11434 (Ollama)"
                    + " or http://localhost:8000/v1 (OpenAI-compatible).")
    String teacherUrl;

    @Option(names = "--teacher-api", paramLabel = "openai|ollama", defaultValue = "openai",
            description = "Wire format of the teacher. Default: ${DEFAULT-VALUE}")
    TeacherApi teacherApi;

    @Option(names = "--model", paramLabel = "NAME", description = "Teacher model name, e.g. llama3.1:8b")
    String model;

    @Option(names = "--api-key-env", paramLabel = "NAME", defaultValue = "OPENAI_API_KEY",
            description = "Environment variable holding the API key (none needed for local servers). "
                    + "Default: ${DEFAULT-VALUE}")
    String apiKeyEnv;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s", converter = DurationConverter.class,
            description = "Per-request timeout. Default: ${DEFAULT-VALUE}")
    Duration timeout;

    @Option(names = "--verbose", description = "Print a stack trace on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TemplateRun.Report report;
        try (TeacherClient teacher = teacher(err)) {
            Paraphrasing paraphrasing = teacher == null ? null : new Paraphrasing(paraphrases, teacher,
                    PromptLibrary.shipped().get("template/paraphrase.txt"),
                    TeacherTermsPolicy.loadDefault().termsFor(teacher.identity()),
                    message -> err.println("warning: " + message));
            report = new TemplateRun(Clock.systemUTC(), VersionProvider.version())
                    .run(input, task, license, seed, out, paraphrasing);
        }
        err.flush();
        console.printf("rendered %d examples into %s (run %s)%s%n", report.records(), out, report.runId(),
                report.dropped() == 0 ? "" : "; " + report.dropped() + " rows dropped (rejected.jsonl)");
        report.byTemplate().forEach((id, n) -> console.printf("  %-20s %d%n", id, n));
        console.printf("  license: %s (commercial use: %s)%n", report.license(), report.commercialUse());
        console.flush();
        return ExitCode.OK;
    }

    /** The teacher of --paraphrase-templates, checked to answer before anything is asked; null without it. */
    private TeacherClient teacher(PrintWriter err) {
        if (paraphrases == null) {
            if (teacherUrl != null || model != null) {
                throw new BadInputException("--teacher-url and --model are only used with --paraphrase-templates N"
                        + " (template needs no teacher otherwise)");
            }
            return null;
        }
        if (paraphrases < 1 || paraphrases > Paraphrasing.MAX) {
            throw new BadInputException("--paraphrase-templates must be between 1 and " + Paraphrasing.MAX
                    + ", got " + paraphrases);
        }
        if (teacherUrl == null || model == null) {
            throw new BadInputException("--paraphrase-templates " + paraphrases + " asks a teacher for new wordings "
                    + "of each template, but no teacher is configured: give --teacher-url URL and --model NAME "
                    + "(e.g. --teacher-url http://localhost:11434 --teacher-api ollama --model llama3.1:8b)");
        }
        TeacherSettings settings = new TeacherSettings(teacherApi, TeacherUrl.parse(teacherUrl), model, apiKeyEnv,
                1, timeout, 0, 0, Duration.ofMinutes(10));
        return TeacherStack.buildReachable(settings, TeacherMetrics.NONE, System::getenv,
                message -> err.println("warning: " + message));
    }
}
