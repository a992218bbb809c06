package dev.instructgen.architecture.sample.low;

import dev.instructgen.architecture.sample.high.Above;

/** Sample for LayeringTest: the lower layer reaching up, which the rule must report. */
public final class ReachesUp {

    public static int value() {
        return Above.value();
    }
}
