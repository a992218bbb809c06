package dev.instructgen.architecture.sample.high;

/** Sample for LayeringTest: a class in the upper layer. */
public final class Above {

    public static int value() {
        return 1;
    }
}
