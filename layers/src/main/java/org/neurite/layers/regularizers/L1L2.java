package org.neurite.layers.regularizers;

import java.util.List;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Regularizer;

/**
 * {@code l1_l2}: the penalty {@code l1·Σ|x| + l2·Σx²}, Keras 3's {@code L1L2}, whose factors
 * both default to 0 (Keras keeps them apart from {@code l1}'s and {@code l2}'s 0.01, so that
 * {@code L1L2(l2=0.1)} has no L1 term).
 */
public final class L1L2 extends ElementPenalty {
    private static final List<Hyperparameter> HYPERPARAMETERS = List.of(
            Hyperparameter.number("l1", 0.0).atLeast(0), Hyperparameter.number("l2", 0.0).atLeast(0));

    /** The default: {@code l1 = 0}, {@code l2 = 0}. */
    public L1L2() {
        this(0, 0);
    }

    /** The penalty {@code l1·Σ|x| + l2·Σx²}. */
    public L1L2(double l1, double l2) {
        super(l1, l2);
    }

    @Override
    public String name() {
        return "l1_l2";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return HYPERPARAMETERS;
    }

    @Override
    public Regularizer configure(Hyperparameters values) {
        return new L1L2(ElementPenalty.factor(name(), values, "l1"), ElementPenalty.factor(name(), values, "l2"));
    }

    @Override
    public String toString() {
        return "l1_l2(l1=" + l1 + ", l2=" + l2 + ")";
    }
}
