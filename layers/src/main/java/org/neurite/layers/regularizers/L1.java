package org.neurite.layers.regularizers;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Regularizer;

/** {@code l1}: the penalty {@code l1·Σ|x|}, Keras 3's {@code L1} ({@code l1} defaults to 0.01). */
public final class L1 extends ElementPenalty {
    private static final List<Hyperparameter> HYPERPARAMETERS = List.of(Hyperparameter.number("l1", 0.01).atLeast(0));

    /** The default: {@code l1 = 0.01}. */
    public L1() {
        this(0.01);
    }

    /** The penalty {@code l1·Σ|x|}. */
    public L1(double l1) {
        super(l1, 0);
    }

    @Override
    public String name() {
        return "l1";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return HYPERPARAMETERS;
    }

    @Override
    public Regularizer configure(Hyperparameters values) {
        return new L1(ElementPenalty.factor(name(), values, "l1"));
    }

    @Override
    public String toString() {
        return "l1(l1=" + l1 + ")";
    }
}
