package dev.instructgen.method.invert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The "inversion" section of stats.json: how many input examples could be inverted, how many were asked, and
 * where they went. Skips are counted here (and in rejected.jsonl, so a resumed run does not ask again), never
 * written to examples.jsonl. Rebuilt from the journals on resume.
 */
final class InversionCounts {

    private final long sources;
    private final AtomicLong attempted = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    InversionCounts(long sources) {
        this.sources = sources;
    }

    void attempted() {
        attempted.incrementAndGet();
    }

    void accepted() {
        accepted.incrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sources", sources);
        m.put("attempted", attempted.get());
        m.put("accepted", accepted.get());
        m.put("skipped", skipped.get());
        m.put("rejected", rejected.get());
        return m;
    }
}
