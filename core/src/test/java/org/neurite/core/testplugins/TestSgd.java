package org.neurite.core.testplugins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/** Test-only optimizer {@code test_sgd}: SGD with momentum ({@code v = m·v − lr·g; w += v}). */
public final class TestSgd implements Optimizer {
    private final double learningRate;
    private final double momentum;

    public TestSgd() {
        this(0.01, 0.0);
    }

    private TestSgd(double learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public String name() {
        return "test_sgd";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(Hyperparameter.number("learning_rate", 0.01).greaterThan(0),
                Hyperparameter.number("momentum", 0.0).between(0, 1));
    }

    @Override
    public Optimizer configure(Hyperparameters values) {
        return new TestSgd(values.number("learning_rate"), values.number("momentum"));
    }

    @Override
    public Updater start(List<Parameter> parameters) {
        Map<String, Matrix> velocities = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            velocities.put("velocity/" + p.name(), new Matrix(p.value().rows(), p.value().cols()));
        }
        return new Updater() {
            private long iterations;

            @Override
            public void step() {
                for (Parameter p : parameters) {
                    float[] w = p.value().data();
                    float[] g = p.gradient().data();
                    float[] v = velocities.get("velocity/" + p.name()).data();
                    for (int i = 0; i < w.length; i++) {
                        v[i] = (float) (momentum * v[i] - learningRate * g[i]);
                        w[i] += v[i];
                    }
                }
                iterations++;
            }

            @Override
            public long iterations() {
                return iterations;
            }

            @Override
            public void setIterations(long n) {
                iterations = n;
            }

            @Override
            public Map<String, Matrix> state() {
                return velocities;
            }
        };
    }
}
