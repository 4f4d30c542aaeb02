package org.neurite.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/** A correct optimizer with per-run state: Keras SGD with momentum and legacy decay. */
class MomentumSgd implements Optimizer {
    static final List<Hyperparameter> DECLARED = List.of(
            Hyperparameter.number("learning_rate", 0.01).greaterThan(0),
            Hyperparameter.number("momentum", 0.9).between(0, 1),
            Hyperparameter.number("decay", 0.01).atLeast(0),
            Hyperparameter.bool("nesterov", false),
            Hyperparameter.integer("clip_every", 0).atLeast(0));

    final double learningRate;
    final double momentum;
    final double decay;

    MomentumSgd() {
        this(0.01, 0.9, 0.01);
    }

    MomentumSgd(double learningRate, double momentum, double decay) {
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.decay = decay;
    }

    @Override
    public String name() {
        return "momentum_sgd";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return DECLARED;
    }

    @Override
    public Optimizer configure(Hyperparameters values) {
        return new MomentumSgd(values.number("learning_rate"), values.number("momentum"),
                values.number("decay"));
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
                float lr = (float) (learningRate / (1 + decay * iterations));
                for (Parameter p : parameters) {
                    float[] w = p.value().data();
                    float[] g = p.gradient().data();
                    float[] v = velocities.get("velocity/" + p.name()).data();
                    for (int i = 0; i < w.length; i++) {
                        v[i] = (float) momentum * v[i] - lr * g[i];
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
                return Collections.unmodifiableMap(velocities);
            }
        };
    }
}
