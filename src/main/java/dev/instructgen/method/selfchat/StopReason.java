package dev.instructgen.method.selfchat;

import java.util.Locale;

/**
 * Why a conversation ends where it does, as {@code provenance.conversation.stop_reason} and the stats.json
 * {@code conversations.stop_reasons} keys write it. The first two are the normal ends; the others mark a
 * transcript that went wrong at that turn, which is dropped together with anything after it.
 */
public enum StopReason {
    /** --turns user turns were answered; whatever the teacher wrote beyond them is not kept. */
    TURNS_REACHED,
    /** The teacher ended the chat: an [End] line, or the transcript simply stops after an assistant turn. */
    MODEL_ENDED,
    /** The reply hit the length limit; the unfinished turn (and an unanswered user turn) is dropped. */
    CUT_OFF,
    /** A turn with a speaker tag and no words. */
    EMPTY_TURN,
    /** A turn that repeats an earlier turn word for word (case and spacing aside): the chat is looping. */
    REPEATED_TURN,
    /** Two turns of one speaker in a row, an opening assistant turn, or a third speaker (a system turn). */
    ROLE_CONFUSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
