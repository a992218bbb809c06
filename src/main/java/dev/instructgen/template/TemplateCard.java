package dev.instructgen.template;

import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.licensing.LicenseSummary;
import dev.instructgen.report.DataCardHeader;

import java.util.List;

/** DATASET_CARD.md of a template run: what was rendered with which templates, the license carried, no timestamp. */
final class TemplateCard {

    private TemplateCard() {
    }

    static String render(String runId, TaskFile task, String inputName, long rows, TemplateRenderer.Rendered rendered,
                         LicenseInfo license, Paraphrasing.Wordings wordings) {
        LicenseSummary.Builder licenses = new LicenseSummary.Builder();
        rendered.records().forEach(r -> licenses.add(r.has("provenance") && r.get("provenance").has("teacher")
                ? JsonCodec.mapper().convertValue(r.get("license"), LicenseInfo.class) : license));
        LicenseSummary summary = licenses.build();
        StringBuilder md = new StringBuilder(new DataCardHeader().render(summary, rendered.records().size(),
                List.of("instructgen", "template"), "instructgen template " + task.name()));
        md.append("\n# instructgen template ").append(task.name()).append(" (").append(runId).append(")\n\n");
        md.append(rendered.records().size()).append(" examples rendered from the ").append(rows).append(" rows of `")
                .append(inputName).append("` with ").append(task.templates().size())
                .append(" instruction templates of the task `").append(task.name()).append("`")
                .append(task.classification() ? ", a classification task with the labels " + task.labels() : "")
                .append(wordings.paraphrased() ? ". A teacher reworded the templates' instructions "
                        + "(`--paraphrase-templates`); every input and output is the dataset's own text.\n"
                        : ". No teacher was used: every example is the dataset's own text in a template's wording.\n");
        md.append("\n## Templates\n\n| Template | Instruction | Examples |\n|---|---|---:|\n");
        for (TaskTemplate t : task.templates()) {
            md.append("| ").append(t.id()).append(" | ").append(cell(t.instruction())).append(" | ")
                    .append(rendered.byTemplate().get(t.id())).append(" |\n");
        }
        if (wordings.paraphrased()) {
            paraphrases(md, task, rendered, wordings);
        }
        if (!rendered.rejections().isEmpty()) {
            md.append("\n").append(rendered.rejections().size()).append(" rows rendered an empty output or instruction"
                    + " and were dropped (`rejected.jsonl`, reason `empty_output`).\n");
        }
        md.append("\n## License analysis\n\n");
        summary.describe().forEach(line -> md.append(line).append("\n"));
        md.append("\nThe license comes from ").append(license.sources().isEmpty() ? "nowhere"
                : "the dataset `" + license.sources().get(0).name() + "`").append("; templating does not change it"
                + (wordings.paraphrased() ? ", and the teacher's terms join it on the examples in its wording" : "")
                + ". This is not legal advice.\n");
        md.append("\n## How to cite\n\nInstruction templates over labelled datasets follow FLAN (Wei et al., 2022,"
                + " \"Finetuned Language Models Are Zero-Shot Learners\", ICLR 2022).\n");
        return md.toString();
    }

    private static void paraphrases(StringBuilder md, TaskFile task, TemplateRenderer.Rendered rendered,
                                    Paraphrasing.Wordings wordings) {
        ParaphraseJournal.Entry first = wordings.used().get(0);
        md.append("\n## Wordings\n\nThe teacher `").append(first.model()).append("` reworded each instruction (prompt `")
                .append(first.prompt()).append("`, the answers in `paraphrases.jsonl`). Variant 0 is the task file's"
                        + " own wording; examples in another variant carry the teacher in their provenance and its"
                        + " terms in their license.\n\n| Template | Variant | Instruction | Examples |\n|---|---:|---|---:|\n");
        for (TaskTemplate t : task.templates()) {
            List<String> variants = wordings.byTemplate().get(t.id());
            for (int v = 0; v < variants.size(); v++) {
                md.append("| ").append(t.id()).append(" | ").append(v).append(" | ").append(cell(variants.get(v)))
                        .append(" | ").append(rendered.byVariant().get(t.id()).get(v)).append(" |\n");
            }
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\R", " ");
    }
}
