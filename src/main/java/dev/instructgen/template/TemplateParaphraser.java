package dev.instructgen.template;

import dev.instructgen.prompt.PromptTemplate;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the teacher for other wordings of a template's instruction (prompts/template/paraphrase.txt), so that the
 * examples of one template are not all worded alike: FLAN (Wei et al. 2022, section 2.1) wrote about ten
 * templates per dataset by hand for the same reason. One request per template; the reply is a numbered list.
 * A rewording is kept when it is not blank, differs from the instruction and from the rewordings before it, and
 * uses exactly the instruction's placeholders (a lost or invented {field} would render wrong examples).
 */
final class TemplateParaphraser {

    static final String PROMPT = "template/paraphrase.txt";
    static final String STAGE = "template-paraphrase";

    /** Varied wording wanted, as in Self-Instruct's generation (Wang et al. 2023: temperature 0.7). */
    private static final Sampling SAMPLING = new Sampling(0.7, 0.95, 1024, null, List.of());
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:\\d+[.):]|[-*•])\\s+(.+)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_-]*)}");

    /** What one request gave: the rewordings kept, and how many lines of the reply were refused. */
    record Answer(List<String> paraphrases, int refused) {
    }

    private final TeacherClient teacher;
    private final PromptTemplate prompt;

    TemplateParaphraser(TeacherClient teacher, PromptTemplate prompt) {
        this.teacher = teacher;
        this.prompt = prompt;
    }

    /** Whether the instruction has words of its own to reword ("{question}" alone has none). */
    static boolean paraphrasable(String instruction) {
        return PLACEHOLDER.matcher(instruction).replaceAll("").chars().anyMatch(Character::isLetter);
    }

    Answer paraphrase(String instruction, int count) {
        Set<String> placeholders = placeholders(instruction);
        String rule = placeholders.isEmpty() ? ""
                : "Keep every placeholder in curly braces (" + String.join(", ", placeholders.stream()
                .map(p -> "{" + p + "}").toList()) + ") exactly as written: it is filled with the row's text.";
        String text = prompt.render(Map.of("instruction", instruction, "count", String.valueOf(count),
                "placeholders", rule));
        TeacherReply reply = teacher.complete(TeacherRequest.ofUserPrompt(STAGE, text, SAMPLING));
        return parse(reply.text(), instruction, count);
    }

    static Answer parse(String reply, String instruction, int count) {
        Set<String> wanted = placeholders(instruction);
        Set<String> seen = new HashSet<>(Set.of(normalised(instruction)));
        List<String> kept = new ArrayList<>();
        int refused = 0;
        for (String line : reply.split("\\R")) {
            Matcher item = ITEM.matcher(line);
            if (!item.matches() || kept.size() == count) {
                continue;
            }
            String candidate = unquoted(item.group(1).strip());
            if (candidate.isBlank() || !placeholders(candidate).equals(wanted) || !seen.add(normalised(candidate))) {
                refused++;
                continue;
            }
            kept.add(candidate);
        }
        return new Answer(List.copyOf(kept), refused);
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String unquoted(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("“") && text.endsWith("”"))) {
            return text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
