package org.neurite.layers.regularizers;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Regularizer;

/** {@code l2}: the penalty {@code l2·Σx²}, Keras 3's {@code L2} ({@code l2} defaults to 0.01). */
public final class L2 extends ElementPenalty {
    private static final List<Hyperparameter> HYPERPARAMETERS = List.of(Hyperparameter.number("l2", 0.01).atLeast(0));

    /** The default: {@code l2 = 0.01}. */
    public L2() {
        this(0.01);
    }

    /** The penalty {@code l2·Σx²}. */
    public L2(double l2) {
        super(0, l2);
    }

    @Override
    public String name() {
        return "l2";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return HYPERPARAMETERS;
    }

    @Override
    public Regularizer configure(Hyperparameters values) {
        return new L2(ElementPenalty.factor(name(), values, "l2"));
    }

    @Override
    public String toString() {
        return "l2(l2=" + l2 + ")";
    }
}
