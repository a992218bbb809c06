package dev.instructgen.method.selfchat;

import dev.instructgen.pipeline.RunContext;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Conversation ids of one session: "sc-1", "sc-2", ...; a resumed session adds a tag of its start time
 * ("sc-sn3k1c-1"), so its ids never collide with those written before a crash.
 */
final class SessionIds {

    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();

    SessionIds(RunContext ctx) {
        this.prefix = ctx.resumed() ? "sc-" + Long.toString(ctx.clock().instant().getEpochSecond(), 36) + "-" : "sc-";
    }

    String next() {
        return prefix + sequence.incrementAndGet();
    }
}
