package dev.instructgen.method.unnatural;

import dev.instructgen.pipeline.RunContext;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids of one session: "un-1", "un-2", ...; a resumed session adds a tag of its start time ("un-sn3k1c-1"), so its
 * ids never collide with those written before a crash.
 */
final class SessionIds {

    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();

    SessionIds(RunContext ctx, String base) {
        this.prefix = ctx.resumed()
                ? base + Long.toString(ctx.clock().instant().getEpochSecond(), 36) + "-" : base;
    }

    String next() {
        return prefix + sequence.incrementAndGet();
    }
}
