package dev.instructgen.teacher.reasoning;

import dev.instructgen.teacher.ReasoningMode;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.text.ReasoningBlocks;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Room for models that reason ({@code --reasoning on|auto}). A model that thinks first spends its tokens on the
 * thinking, so a stage whose answer is a word (Self-Instruct's classification, 3 tokens; the equality verdict) is
 * cut off before it answers. Two measures:
 * <ul>
 *   <li>once the model is known to reason ({@code on}: from the start; {@code auto}: from its first reply that
 *       shows a reasoning block), a short limit (at most {@value #SHORT_LIMIT} tokens) gets
 *       {@value #REASONING_ALLOWANCE} tokens more;</li>
 *   <li>a reply cut off inside a reasoning block (an open {@code <think>}, finish reason length) is sent once
 *       more with {@value #RETRY_FACTOR} times the limit, at least {@value #REASONING_ALLOWANCE} tokens more; the
 *       second reply is returned, carrying the tokens of both.</li>
 * </ul>
 * The allowance is our estimate of a short reasoning trace (Qwen3 and DeepSeek-R1 spend a few hundred tokens on a
 * yes/no question; Qwen3's model card suggests 32,768 for hard problems, which these stages are not). Sits above
 * the retry layer: the second request is a request of its own, with its own retries.
 */
public final class ReasoningRoomTeacherClient implements TeacherClient {

    static final int SHORT_LIMIT = 64;
    static final int REASONING_ALLOWANCE = 1024;
    static final int RETRY_FACTOR = 4;

    private final TeacherClient inner;
    private final AtomicBoolean reasons;

    /** @param mode {@code on} or {@code auto}; with {@code off} the stack does not use this layer */
    public ReasoningRoomTeacherClient(TeacherClient inner, ReasoningMode mode) {
        this.inner = inner;
        this.reasons = new AtomicBoolean(mode == ReasoningMode.ON);
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        TeacherRequest sent = reasons.get() ? withAllowance(request) : request;
        TeacherReply reply = inner.complete(sent);
        if (ReasoningBlocks.present(reply.text())) {
            reasons.set(true);
        }
        Integer limit = sent.sampling().maxTokens();
        if (!reply.wasCutOff() || limit == null || !ReasoningBlocks.endsInside(reply.text())) {
            return reply;
        }
        int roomier = Math.max(limit * RETRY_FACTOR, limit + REASONING_ALLOWANCE);
        TeacherReply second = inner.complete(sent.withSampling(sent.sampling().withMaxTokens(roomier)));
        return new TeacherReply(second.text(), second.finishReason(), reply.usage().plus(second.usage()),
                reply.latency().plus(second.latency()));
    }

    private static TeacherRequest withAllowance(TeacherRequest request) {
        Sampling sampling = request.sampling();
        Integer limit = sampling.maxTokens();
        if (limit == null || limit > SHORT_LIMIT) {
            return request;
        }
        return request.withSampling(sampling.withMaxTokens(limit + REASONING_ALLOWANCE));
    }

    @Override
    public TeacherIdentity identity() {
        return inner.identity();
    }

    @Override
    public void stopWaiting() {
        inner.stopWaiting();
    }

    @Override
    public void close() {
        inner.close();
    }
}
