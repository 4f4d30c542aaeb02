package org.neurite.metrics;

/** {@code acc}, Keras's short name for {@link Accuracy}, logged as {@code acc}. */
public final class Acc extends Accuracy {
    @Override
    public String name() {
        return "acc";
    }
}
