package dev.instructgen.method.selfchat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a self-chat reply into speaker-tagged turns, as chat models actually write them. The prompt asks for
 * {@code [User]} and {@code [Assistant]} tags; models also write Baize's {@code [|Human|]} and {@code [|AI|]}
 * (Xu et al. 2023), {@code Human:}/{@code AI:}, bold ({@code **User:**}), headings ({@code ### Assistant}) or
 * several tagged turns on one line. A tag starts a turn; untagged lines continue the turn above them, so
 * multi-line answers and code blocks stay whole. Text before the first tag is a preamble ("Sure! Here is the
 * transcript:") and ignored. An {@code [End]} line ends the reply. A closing remark of the teacher after the
 * last turn ("Let me know if you would like me to continue the conversation!") and anything after a horizontal
 * rule that ends the reply are not part of the chat and dropped. Reasoning blocks are stripped before this.
 */
final class TurnReader {

    /** A speaker as tagged in the reply; OTHER is a third speaker (system, narrator), which confuses the roles. */
    enum Speaker { USER, ASSISTANT, OTHER }

    /** One tagged turn as written, before any check. */
    record RawTurn(Speaker speaker, String tag, String content) {
    }

    /** @param ended whether an end line closed the transcript */
    record Reading(List<RawTurn> turns, boolean ended) {
    }

    private static final Map<String, Speaker> NAMES = Map.ofEntries(
            Map.entry("user", Speaker.USER), Map.entry("human", Speaker.USER), Map.entry("person", Speaker.USER),
            Map.entry("assistant", Speaker.ASSISTANT), Map.entry("ai", Speaker.ASSISTANT),
            Map.entry("ai assistant", Speaker.ASSISTANT), Map.entry("chatbot", Speaker.ASSISTANT),
            Map.entry("bot", Speaker.ASSISTANT), Map.entry("gpt", Speaker.ASSISTANT),
            Map.entry("system", Speaker.OTHER), Map.entry("narrator", Speaker.OTHER));
    private static final String NAME = "(ai assistant|user|human|person|assistant|ai|chatbot|bot|gpt|system|narrator)";
    private static final String LEAD = "^\\s*(?:[-*>]\\s+)?(?:#{1,6}\\s*)?";
    /** [User], [|Human|], <assistant>, with an optional colon after it. */
    private static final Pattern BRACKET_TAG = Pattern.compile(LEAD + "[\\[<]\\|?\\s*" + NAME
            + "\\s*\\|?[\\]>]\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    /** User: ..., AI Assistant: ..., ### Assistant (a heading alone on its line). */
    private static final Pattern COLON_TAG = Pattern.compile(LEAD + NAME + "\\s*(?::\\s*(.*)|\\s*$)",
            Pattern.CASE_INSENSITIVE);
    /** A bracketed tag in the middle of a line starts a turn of its own. */
    private static final Pattern INLINE_TAG = Pattern.compile("(?<=\\S)\\s+(?=[\\[<]\\|?\\s*" + NAME
            + "\\s*\\|?[\\]>])", Pattern.CASE_INSENSITIVE);
    private static final Pattern END = Pattern.compile(
            "^[\\s\\[(<*_#|]*end(?:\\s+of\\s+(?:the\\s+)?(?:chat|conversation|transcript|dialogue))?[\\s\\])>*_.|]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^\\s*(?:-{3,}|\\*{3,}|_{3,}|={3,})\\s*$");
    private static final Pattern NOTE = Pattern.compile("^\\s*(?:note\\b|p\\.s\\.).*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("^\\s*```[\\w-]*\\s*$");
    /** A remark to the person who asked for the transcript, not a line of the chat. */
    private static final Pattern EPILOGUE = Pattern.compile(
            "^\\s*(?:let me know|i hope|hope (?:this|that)|feel free|would you like|do you want|shall i"
                    + "|if you(?:'d| would)? (?:like|need|want)|i can (?:also )?(?:continue|extend|write|add|make)"
                    + "|(?:this|the) (?:transcript|conversation|chat|dialogue) (?:shows|covers|ends|is))\\b.*"
                    + "(?:transcript|conversation|chat|dialogue|continue|extend|more turns|longer|changes|adjust)"
                    + ".*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private TurnReader() {
    }

    static Reading read(String reply) {
        List<String> lines = unwrapFence(splitInlineTags(reply));
        List<RawTurn> turns = new ArrayList<>();
        Speaker speaker = null;
        String tag = null;
        StringBuilder content = null;
        boolean ended = false;
        for (String raw : lines) {
            String probe = raw.replace("**", "").replace("__", "");
            if (END.matcher(probe).matches() && !probe.isBlank()) {
                ended = true;
                break;
            }
            Matcher bracket = BRACKET_TAG.matcher(probe);
            Matcher colon = COLON_TAG.matcher(probe);
            Matcher match = bracket.matches() ? bracket : colon.matches() ? colon : null;
            if (match != null) {
                if (content != null) {
                    turns.add(new RawTurn(speaker, tag, content.toString().strip()));
                }
                tag = match.group(1);
                speaker = NAMES.get(tag.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
                content = new StringBuilder(match.group(2) == null ? "" : match.group(2).strip());
            } else if (content != null) {
                content.append('\n').append(raw.stripTrailing());
            }
        }
        if (content != null) {
            turns.add(new RawTurn(speaker, tag, withoutEpilogue(content.toString().strip())));
        }
        return new Reading(turns, ended);
    }

    private static List<String> splitInlineTags(String reply) {
        return Arrays.asList(INLINE_TAG.matcher(reply.strip()).replaceAll("\n").split("\\R", -1));
    }

    /** A code fence around the whole reply is packaging; fences inside a turn (code in an answer) stay. */
    private static List<String> unwrapFence(List<String> lines) {
        if (lines.size() >= 2 && FENCE.matcher(lines.get(0)).matches()
                && FENCE.matcher(lines.get(lines.size() - 1)).matches()) {
            return lines.subList(1, lines.size() - 1);
        }
        return lines;
    }

    /**
     * The last turn without what the teacher says after the chat: everything after a closing horizontal rule,
     * and a last paragraph that is a remark about the transcript itself.
     */
    static String withoutEpilogue(String last) {
        List<String> lines = new ArrayList<>(Arrays.asList(last.split("\\R", -1)));
        for (int i = lines.size() - 1; i > 0; i--) {
            if (RULE.matcher(lines.get(i)).matches()) {
                String after = String.join("\n", lines.subList(i + 1, lines.size())).replace("*", "").strip();
                if (after.isEmpty() || EPILOGUE.matcher(after).matches() || NOTE.matcher(after).matches()) {
                    lines = new ArrayList<>(lines.subList(0, i));
                }
                break;
            }
        }
        String text = String.join("\n", lines).strip();
        int paragraph = text.lastIndexOf("\n\n");
        if (paragraph > 0 && EPILOGUE.matcher(text.substring(paragraph).strip()).matches()) {
            text = text.substring(0, paragraph).strip();
        }
        return text;
    }
}
