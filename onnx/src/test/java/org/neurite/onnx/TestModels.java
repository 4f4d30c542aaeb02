package org.neurite.onnx;

import java.util.Random;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;

/** Models from configuration text and random inputs, for the export and import tests. */
final class TestModels {
    static final Plugins PLUGINS = Plugins.discover();

    private TestModels() {
    }

    /** A model taking {@code inputs} values, made of the YAML flow mappings in {@code layers}. */
    static Model model(int inputs, String... layers) {
        StringBuilder yaml = new StringBuilder("input_shape: [" + inputs + "]\nlayers:\n");
        for (String layer : layers) {
            yaml.append("  - ").append(layer).append('\n');
        }
        yaml.append("loss: mean_squared_error\noptimizer: sgd\ntraining: {seed: 7}\n");
        return new ModelAssembler(PLUGINS).assemble(new ConfigReader(PLUGINS).parse(yaml.toString(), "test.yaml"));
    }

    /** {@code n} values drawn uniformly from [lo, hi), as a YAML flow list. */
    static String list(Random random, int n, double lo, double hi) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ", ").append((float) (lo + (hi - lo) * random.nextDouble()));
        }
        return s.append(']').toString();
    }

    /** An n×k batch of normal values with standard deviation {@code scale}. */
    static Matrix batch(Random random, int n, int k, double scale) {
        Matrix m = new Matrix(n, k);
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = (float) (random.nextGaussian() * scale);
        }
        return m;
    }
}
