package dev.instructgen.method.selfchat;

import dev.instructgen.dataset.Example;
import dev.instructgen.text.ReasoningBlocks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the conversation out of one self-chat reply and decides where it stops. Baize (Xu et al. 2023, section
 * 2.1) has the teacher write both sides of the whole transcript in one reply; a transcript goes wrong in a few
 * typical ways, and the conversation keeps only the turns before the first of them:
 * <ul>
 *   <li>an empty turn (a tag with no words): {@link StopReason#EMPTY_TURN};</li>
 *   <li>a turn that repeats an earlier one word for word, case and spacing aside: {@link StopReason#REPEATED_TURN};</li>
 *   <li>roles out of order (two turns of one speaker in a row, an opening assistant turn) or a third speaker:
 *       {@link StopReason#ROLE_CONFUSED}.</li>
 * </ul>
 * Otherwise it stops after {@code maxUserTurns} answered user turns ({@link StopReason#TURNS_REACHED}), where the
 * teacher ended it ({@link StopReason#MODEL_ENDED}) or, for a reply cut off by the length limit, before the
 * unfinished last turn ({@link StopReason#CUT_OFF}). A user turn left without an answer is always dropped, so a
 * conversation ends with an assistant reply.
 */
final class TranscriptParser {

    private final int maxUserTurns;

    TranscriptParser(int maxUserTurns) {
        this.maxUserTurns = maxUserTurns;
    }

    Transcript read(String reply, boolean wasCutOff) {
        TurnReader.Reading reading = TurnReader.read(ReasoningBlocks.strip(reply));
        List<TurnReader.RawTurn> turns = new ArrayList<>(reading.turns());
        boolean cutOff = wasCutOff && !reading.ended();
        if (turns.isEmpty()) {
            return new Transcript(List.of(), cutOff ? StopReason.CUT_OFF : StopReason.ROLE_CONFUSED,
                    cutOff ? "the reply hit the length limit before its first turn"
                            : "the reply has no [User] or [Assistant] turns");
        }
        if (cutOff) {
            turns.remove(turns.size() - 1);
        }
        List<Example.Message> kept = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int userTurns = 0;
        StopReason stop = null;
        String detail = null;
        for (int i = 0; i < turns.size() && stop == null; i++) {
            TurnReader.RawTurn turn = turns.get(i);
            String expected = kept.size() % 2 == 0 ? Transcript.USER : Transcript.ASSISTANT;
            String where = "turn " + (i + 1) + " (" + turn.tag() + ")";
            String key = turn.content().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
            if (turn.speaker() == TurnReader.Speaker.OTHER) {
                stop = StopReason.ROLE_CONFUSED;
                detail = where + " is a third speaker";
            } else if (!role(turn.speaker()).equals(expected)) {
                stop = StopReason.ROLE_CONFUSED;
                detail = where + (kept.isEmpty() ? " opens the chat instead of the user" : " follows a turn of the "
                        + "same speaker");
            } else if (key.isEmpty()) {
                stop = StopReason.EMPTY_TURN;
                detail = where + " is empty";
            } else if (seen.containsKey(key)) {
                stop = StopReason.REPEATED_TURN;
                detail = where + " repeats turn " + seen.get(key);
            } else if (expected.equals(Transcript.USER) && userTurns == maxUserTurns) {
                stop = StopReason.TURNS_REACHED;
                detail = maxUserTurns + " user turns answered";
            } else {
                kept.add(new Example.Message(expected, turn.content()));
                seen.put(key, i + 1);
                userTurns += expected.equals(Transcript.USER) ? 1 : 0;
            }
        }
        if (stop == null) {
            stop = cutOff ? StopReason.CUT_OFF : StopReason.MODEL_ENDED;
            detail = cutOff ? "the reply hit the length limit in turn " + (reading.turns().size())
                    : reading.ended() ? "the teacher ended the chat after " + userTurns + " user turns"
                    : "the transcript ends after " + userTurns + " user turns";
        }
        if (!kept.isEmpty() && kept.get(kept.size() - 1).role().equals(Transcript.USER)) {
            kept.remove(kept.size() - 1); // an unanswered user turn teaches nothing
        }
        return new Transcript(kept, stop, detail);
    }

    private static String role(TurnReader.Speaker speaker) {
        return speaker == TurnReader.Speaker.USER ? Transcript.USER : Transcript.ASSISTANT;
    }
}
