package org.neurite.optimizers;

import java.util.List;
import java.util.Map;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/** Small helpers to drive an optimizer by hand in tests. */
final class Training {
    private Training() {
    }

    /** A 1×n parameter holding {@code values}. */
    static Parameter parameter(String name, double... values) {
        return new Parameter(name, Matrix.of(values));
    }

    /** Writes {@code values} into the parameter's gradient. */
    static void gradient(Parameter p, double... values) {
        float[] g = p.gradient().data();
        for (int i = 0; i < values.length; i++) {
            g[i] = (float) values[i];
        }
    }

    /** One step with gradient {@code g} for a single parameter. */
    static void step(Optimizer.Updater updater, Parameter p, double... g) {
        gradient(p, g);
        updater.step();
    }

    /** {@code optimizer} configured with {@code values}, validated as a config file would be. */
    @SuppressWarnings("unchecked")
    static <T extends Optimizer> T configured(T optimizer, Map<String, ?> values) {
        return (T) optimizer.configure(Hyperparameters.resolve("optimizer '" + optimizer.name() + "'",
                optimizer.hyperparameters(), values));
    }

    /** The values of a parameter as doubles. */
    static double[] values(Parameter p) {
        float[] w = p.value().data();
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i];
        }
        return out;
    }

    /** The optimizer names discovered with {@link java.util.ServiceLoader}. */
    static List<String> discoveredNames() {
        return List.copyOf(Plugins.discover().optimizers().names());
    }
}
