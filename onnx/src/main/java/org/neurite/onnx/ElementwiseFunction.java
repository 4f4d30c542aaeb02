package org.neurite.onnx;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;


/**
 * Recognizes an activation written as a run of element-wise ONNX nodes (PyTorch 1.13 writes
 * {@code GELU} as {@code Div, Erf, Add, Mul, Mul}; Neurite's export writes {@code swish} as
 * {@code Sigmoid, Mul}) by evaluating the run on a grid of inputs in double precision and
 * comparing with each activation Neurite has. A run that matches none is refused by the caller.
 */
final class ElementwiseFunction {
    /** The operators a run may hold: one or two inputs, element-wise, no attributes. */
    static final List<String> OPERATORS = List.of("Add", "Sub", "Mul", "Div", "Pow", "Erf", "Tanh", "Sigmoid",
            "Softplus", "Softsign", "Exp", "Log", "Neg", "Abs", "Sqrt", "Relu", "Reciprocal");

    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;

    /** Neurite's activations by name, as double functions. */
    private static final Map<String, DoubleUnaryOperator> ACTIVATIONS = Map.ofEntries(
            Map.entry("linear", x -> x),
            Map.entry("relu", x -> Math.max(x, 0)),
            Map.entry("sigmoid", ElementwiseFunction::sigmoid),
            Map.entry("tanh", Math::tanh),
            Map.entry("softplus", ElementwiseFunction::softplus),
            Map.entry("softsign", x -> x / (1 + Math.abs(x))),
            Map.entry("exponential", Math::exp),
            Map.entry("elu", x -> x > 0 ? x : Math.expm1(x)),
            Map.entry("selu", x -> x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * Math.expm1(x)),
            Map.entry("gelu", x -> 0.5 * x * (1 + erf(x / Math.sqrt(2)))),
            Map.entry("swish", x -> x * sigmoid(x)),
            Map.entry("mish", x -> x * Math.tanh(softplus(x))));

    private ElementwiseFunction() {
    }

    /**
     * The name of the Neurite activation that {@code f} computes on [-8, 8] within 1e-5
     * (relative beyond 1), or {@code null}.
     */
    static String identify(DoubleUnaryOperator f) {
        double[] xs = new double[641];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -8 + i * 0.025;
        }
        for (String name : List.of("linear", "relu", "sigmoid", "tanh", "softplus", "softsign", "exponential", "elu",
                "selu", "gelu", "swish", "mish")) {
            DoubleUnaryOperator g = ACTIVATIONS.get(name);
            boolean same = true;
            for (double x : xs) {
                double expected = g.applyAsDouble(x);
                double actual = f.applyAsDouble(x);
                if (!(Math.abs(expected - actual) <= 1e-5 * Math.max(1, Math.abs(expected)))) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return name;
            }
        }
        return null;
    }

    /** The operator {@code op} applied to {@code a} (and {@code b} for binary operators). */
    static double apply(String op, double a, double b) {
        return switch (op) {
            case "Add" -> a + b;
            case "Sub" -> a - b;
            case "Mul" -> a * b;
            case "Div" -> a / b;
            case "Pow" -> Math.pow(a, b);
            case "Erf" -> erf(a);
            case "Tanh" -> Math.tanh(a);
            case "Sigmoid" -> sigmoid(a);
            case "Softplus" -> softplus(a);
            case "Softsign" -> a / (1 + Math.abs(a));
            case "Exp" -> Math.exp(a);
            case "Log" -> Math.log(a);
            case "Neg" -> -a;
            case "Abs" -> Math.abs(a);
            case "Sqrt" -> Math.sqrt(a);
            case "Relu" -> Math.max(a, 0);
            case "Reciprocal" -> 1 / a;
            default -> throw new IllegalArgumentException(op);
        };
    }

    /** Whether {@code op} takes two inputs. */
    static boolean binary(String op) {
        return switch (op) {
            case "Add", "Sub", "Mul", "Div", "Pow" -> true;
            default -> false;
        };
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static double softplus(double x) {
        return Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0);
    }

    /** The error function to about 1e-15 (series below 2.5, continued fraction for erfc above). */
    static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 2.5) {
            double term = ax;
            double sum = ax;
            double x2 = ax * ax;
            for (int n = 1; n < 80; n++) {
                term *= -x2 / n;
                double t = term / (2 * n + 1);
                sum += t;
                if (Math.abs(t) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            // erfc(x) = exp(-x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))), Lentz's method
            double f = ax;
            double c = ax;
            double d = 0;
            for (int n = 1; n < 200; n++) {
                double an = n / 2.0;
                d = ax + an * d;
                d = d == 0 ? 1e-300 : 1 / d;
                c = ax + an / c;
                double delta = c * d;
                f *= delta;
                if (Math.abs(delta - 1) < 1e-16) {
                    break;
                }
            }
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
        }
        return x < 0 ? -r : r;
    }
}
