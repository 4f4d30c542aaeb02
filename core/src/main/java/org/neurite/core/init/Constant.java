package org.neurite.core.init;

import java.util.List;
import java.util.random.RandomGenerator;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Initializer;
import org.neurite.core.tensor.Matrix;

/** {@code constant}: every value equal to {@code value} (default 0). */
public final class Constant implements Initializer {
    private static final List<Hyperparameter> HYPERPARAMETERS =
            List.of(Hyperparameter.number("value", 0.0));

    private final float value;

    /** The default: 0. */
    public Constant() {
        this(0f);
    }

    /** Fills with {@code value}. */
    public Constant(float value) {
        this.value = value;
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return HYPERPARAMETERS;
    }

    @Override
    public Initializer configure(Hyperparameters values) {
        double v = values.number("value");
        if (!(Math.abs(v) <= Float.MAX_VALUE)) {
            throw new HyperparameterException("value", "initializer 'constant': value = " + v + " is not a finite "
                    + "float (at most " + Float.MAX_VALUE + " in magnitude)");
        }
        return new Constant((float) v);
    }

    @Override
    public void initialize(Matrix target, int fanIn, int fanOut, RandomGenerator random) {
        target.fill(value);
    }
}
