package org.neurite.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/**
 * Every built-in optimizer, with each of Keras 3's standard options, against a float64
 * reference written here from Keras 3's sources ({@code base_optimizer.apply}: clip, then
 * decoupled weight decay with the step's learning rate, then {@code update_step}, then
 * {@code iterations += 1}; each {@code update_step} as in {@code keras/src/optimizers}), over
 * 120 steps of random gradients on two parameters, to 1e-5.
 */
class KerasReferenceTest {
    private static final int STEPS = 120;
    private static final Plugins PLUGINS = Plugins.discover();

    static Stream<Arguments> cases() {
        List<Map<String, Object>> optimizers = List.of(
                Map.of("name", "sgd", "learning_rate", 0.05),
                Map.of("name", "sgd", "learning_rate", 0.05, "momentum", 0.9),
                Map.of("name", "sgd", "learning_rate", 0.05, "momentum", 0.8, "nesterov", true),
                Map.of("name", "sgd", "learning_rate", 0.05, "momentum", 0.5, "decay", 0.01),
                Map.of("name", "adam", "learning_rate", 0.01),
                Map.of("name", "adam", "learning_rate", 0.01, "amsgrad", true, "beta_2", 0.9),
                Map.of("name", "adamw", "learning_rate", 0.01),
                Map.of("name", "adamw", "learning_rate", 0.01, "weight_decay", 0.1, "beta_1", 0.8),
                Map.of("name", "nadam", "learning_rate", 0.01),
                Map.of("name", "nadam", "learning_rate", 0.02, "beta_1", 0.8, "beta_2", 0.99),
                Map.of("name", "adamax", "learning_rate", 0.01),
                Map.of("name", "adamax", "learning_rate", 0.02, "beta_1", 0.7, "beta_2", 0.9),
                Map.of("name", "rmsprop", "learning_rate", 0.01),
                Map.of("name", "rmsprop", "learning_rate", 0.01, "momentum", 0.6, "centered", true, "rho", 0.8),
                Map.of("name", "adagrad", "learning_rate", 0.05),
                Map.of("name", "adagrad", "learning_rate", 0.05, "initial_accumulator_value", 0.5));
        List<Map<String, Object>> options = List.of(Map.of(), Map.of("weight_decay", 0.05),
                Map.of("clipnorm", 0.8), Map.of("global_clipnorm", 1.1), Map.of("clipvalue", 0.4),
                Map.of("weight_decay", 0.02, "clipnorm", 1.0));
        List<Arguments> all = new ArrayList<>();
        for (Map<String, Object> o : optimizers) {
            for (Map<String, Object> extra : options) {
                Map<String, Object> config = new HashMap<>(o);
                config.putAll(extra);
                all.add(Arguments.of(config));
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheFloat64ReferenceOverManySteps(Map<String, Object> config) {
        Map<String, Object> hyper = new HashMap<>(config);
        String name = (String) hyper.remove("name");
        Optimizer optimizer = PLUGINS.optimizers().create(name, hyper);
        List<Parameter> parameters = List.of(parameter("a/kernel", 2, 3, 1), parameter("a/bias", 1, 3, 2));
        Optimizer.Updater run = optimizer.start(parameters);
        Reference reference = new Reference(name, hyper, parameters);
        SplittableRandom random = new SplittableRandom(99);
        for (int step = 0; step < STEPS; step++) {
            for (Parameter p : parameters) {
                float[] g = p.gradient().data();
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) (random.nextGaussian() * 0.6 + 0.1);
                }
            }
            reference.step(parameters);
            run.step();
        }
        for (int p = 0; p < parameters.size(); p++) {
            float[] actual = parameters.get(p).value().data();
            for (int i = 0; i < actual.length; i++) {
                assertEquals(reference.w[p][i], actual[i], 1e-5, config + ": " + parameters.get(p).name() + "[" + i + "]");
            }
        }
        assertEquals(STEPS, run.iterations());
    }

    private static Parameter parameter(String name, int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = (float) random.nextDouble(-1, 1);
        }
        return new Parameter(name, m);
    }

    /** Keras 3's optimizers in float64. */
    private static final class Reference {
        final String name;
        final Map<String, Object> h;
        final double[][] w;
        final double[][] s1;
        final double[][] s2;
        final double[][] s3;
        long iterations;
        double uProduct = 1;

        Reference(String name, Map<String, Object> hyper, List<Parameter> parameters) {
            this.name = name;
            this.h = hyper;
            int n = parameters.size();
            w = new double[n][];
            s1 = new double[n][];
            s2 = new double[n][];
            s3 = new double[n][];
            for (int p = 0; p < n; p++) {
                float[] v = parameters.get(p).value().data();
                w[p] = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    w[p][i] = v[i];
                }
                s1[p] = new double[v.length];
                s2[p] = new double[v.length];
                s3[p] = new double[v.length];
                if (name.equals("adagrad")) {
                    java.util.Arrays.fill(s1[p], get("initial_accumulator_value", 0.1));
                }
            }
        }

        double get(String key, double fallback) {
            Object v = h.get(key);
            return v == null ? fallback : ((Number) v).doubleValue();
        }

        boolean flag(String key) {
            return Boolean.TRUE.equals(h.get(key));
        }

        void step(List<Parameter> parameters) {
            int n = parameters.size();
            double[][] g = new double[n][];
            for (int p = 0; p < n; p++) {
                float[] f = parameters.get(p).gradient().data();
                g[p] = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    g[p][i] = f[i];
                }
            }
            double lr = get("learning_rate", 0.001);
            // base_optimizer._clip_gradients
            if (h.containsKey("clipnorm")) {
                double c = get("clipnorm", 0);
                for (double[] gp : g) {
                    double norm = Math.sqrt(sumSquares(gp));
                    for (int i = 0; i < gp.length; i++) {
                        gp[i] = gp[i] * c / Math.max(norm, c);
                    }
                }
            } else if (h.containsKey("global_clipnorm")) {
                double c = get("global_clipnorm", 0);
                double total = 0;
                for (double[] gp : g) {
                    total += sumSquares(gp);
                }
                double scale = c * Math.min(1 / Math.sqrt(total), 1 / c);
                for (double[] gp : g) {
                    for (int i = 0; i < gp.length; i++) {
                        gp[i] *= scale;
                    }
                }
            } else if (h.containsKey("clipvalue")) {
                double c = get("clipvalue", 0);
                for (double[] gp : g) {
                    for (int i = 0; i < gp.length; i++) {
                        gp[i] = Math.min(c, Math.max(-c, gp[i]));
                    }
                }
            }
            // base_optimizer._apply_weight_decay
            double wd = get("weight_decay", name.equals("adamw") ? 0.004 : 0);
            for (double[] wp : w) {
                for (int i = 0; i < wp.length; i++) {
                    wp[i] = wp[i] - wp[i] * wd * lr;
                }
            }
            if (name.equals("nadam")) { // Nadam._backend_update_step, before update_step
                uProduct *= get("beta_1", 0.9) * (1 - 0.5 * Math.pow(0.96, iterations + 1));
            }
            for (int p = 0; p < n; p++) {
                update(lr, w[p], g[p], s1[p], s2[p], s3[p]);
            }
            iterations++;
        }

        static double sumSquares(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return s;
        }

        void update(double lr, double[] w, double[] g, double[] a, double[] b, double[] c) {
            double t = iterations + 1;
            double b1 = get("beta_1", 0.9);
            double b2 = get("beta_2", 0.999);
            double eps = get("epsilon", 1e-7);
            for (int i = 0; i < w.length; i++) {
                switch (name) {
                    case "sgd" -> {
                        double rate = lr / (1 + get("decay", 0) * iterations); // legacy decay (Keras ≤ 2.10)
                        double m = get("momentum", 0);
                        if (m == 0) {
                            w[i] -= rate * g[i];
                        } else {
                            a[i] = m * a[i] - rate * g[i];
                            w[i] += flag("nesterov") ? m * a[i] - rate * g[i] : a[i];
                        }
                    }
                    case "adam", "adamw" -> {
                        double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
                        a[i] += (g[i] - a[i]) * (1 - b1);
                        b[i] += (g[i] * g[i] - b[i]) * (1 - b2);
                        double v = b[i];
                        if (flag("amsgrad")) {
                            c[i] = Math.max(c[i], b[i]);
                            v = c[i];
                        }
                        w[i] -= a[i] * alpha / (Math.sqrt(v) + eps);
                    }
                    case "nadam" -> {
                        double ut = b1 * (1 - 0.5 * Math.pow(0.96, t));
                        double ut1 = b1 * (1 - 0.5 * Math.pow(0.96, t + 1));
                        double uProductNext = uProduct * ut1;
                        a[i] += (g[i] - a[i]) * (1 - b1);
                        b[i] += (g[i] * g[i] - b[i]) * (1 - b2);
                        double mHat = ut1 * a[i] / (1 - uProductNext) + (1 - ut) * g[i] / (1 - uProduct);
                        double vHat = b[i] / (1 - Math.pow(b2, t));
                        w[i] -= mHat * lr / (Math.sqrt(vHat) + eps);
                    }
                    case "adamax" -> {
                        a[i] += (g[i] - a[i]) * (1 - b1);
                        b[i] = Math.max(b2 * b[i], Math.abs(g[i]));
                        w[i] -= lr * a[i] / ((1 - Math.pow(b1, t)) * (b[i] + eps));
                    }
                    case "rmsprop" -> {
                        double rho = get("rho", 0.9);
                        double momentum = get("momentum", 0);
                        a[i] = rho * a[i] + (1 - rho) * g[i] * g[i];
                        double denominator = a[i] + eps;
                        if (flag("centered")) {
                            c[i] = rho * c[i] + (1 - rho) * g[i];
                            denominator = a[i] - c[i] * c[i] + eps;
                        }
                        double increment = lr * g[i] / Math.sqrt(denominator);
                        if (momentum > 0) {
                            b[i] = momentum * b[i] + increment;
                            w[i] -= b[i];
                        } else {
                            w[i] -= increment;
                        }
                    }
                    case "adagrad" -> {
                        a[i] += g[i] * g[i];
                        w[i] -= lr * g[i] / Math.sqrt(a[i] + eps);
                    }
                    default -> throw new AssertionError(name);
                }
            }
        }
    }
}
