package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.pipeline.RunContext;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Ids of a Self-Instruct session and the rejections its stages write to rejected.jsonl. */
final class Rejections {

    private final RunContext ctx;
    private final String idPrefix;
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param idPrefix prefix of every id of this session, e.g. "si-" (a resumed session adds a session tag so its
     *                 ids never collide with those of earlier sessions)
     */
    Rejections(RunContext ctx, String idPrefix) {
        this.ctx = ctx;
        this.idPrefix = idPrefix;
    }

    String nextId() {
        return idPrefix + sequence.incrementAndGet();
    }

    void reject(String id, String stage, RejectionReason reason, String detail, String instruction, String input,
                String output, List<String> parents) {
        ctx.reject(new Rejection(id, stage, reason, detail, instruction, input, output, parents,
                Rejection.now(ctx.clock())));
    }
}
