package dev.instructgen.pipeline.batch;

import dev.instructgen.pipeline.CostModel;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.teacher.pricing.Price;

import java.util.function.Supplier;

/**
 * The run's cost model in batch mode: answers collected from a batch cost the batch rate, requests sent
 * synchronously by {@code --batch-fallback} the synchronous rate. The synchronous stack reports a reply to the
 * counters on the thread that sent it, inside {@link #synchronously}, which is how the two are told apart.
 */
public final class BatchPricing implements CostModel {

    private final Price synchronous;
    private final Price batch;
    private final ThreadLocal<Boolean> sendingSynchronously = ThreadLocal.withInitial(() -> false);

    /** Both prices known (a local or unknown price costs nothing here: callers pass {@link CostModel#FREE}). */
    public BatchPricing(Price synchronous, Price batch) {
        this.synchronous = synchronous;
        this.batch = batch;
    }

    @Override
    public double costUsd(TokenUsage usage) {
        Price price = sendingSynchronously.get() ? synchronous : batch;
        return price.isKnown() ? price.cost(usage) : 0.0;
    }

    TeacherReply synchronously(Supplier<TeacherReply> call) {
        sendingSynchronously.set(true);
        try {
            return call.get();
        } finally {
            sendingSynchronously.set(false);
        }
    }
}
