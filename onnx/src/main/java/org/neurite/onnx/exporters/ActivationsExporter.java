package org.neurite.onnx.exporters;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.onnx.spi.ActivationExporter;
import org.neurite.onnx.spi.ExportedActivation;
import org.neurite.onnx.spi.OnnxGraph;

/**
 * The activations of neurite-activations, each as the ONNX operator of the same definition, or a
 * short composition where ONNX 17 has none: {@code swish} and {@code silu} {@code x·Sigmoid(x)},
 * {@code gelu} {@code x·(1 + Erf(x/√2))/2}, {@code mish} {@code x·Tanh(Softplus(x))},
 * {@code relu6} {@code Clip(x, 0, 6)}.
 */
public final class ActivationsExporter implements ActivationExporter {
    private static final String PACKAGE = "org.neurite.activations.";
    private static final List<String> NAMES = List.of("Elu", "Exponential", "Gelu", "HardSigmoid", "LeakyRelu",
            "Linear", "LogSoftmax", "Mish", "Relu", "Relu6", "Selu", "Sigmoid", "Silu", "Softmax", "Softplus",
            "Softsign", "Swish", "Tanh");
    /** SELU's constants as Keras and neurite-activations define them (ONNX's defaults are these, rounded). */
    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;

    @Override
    public Set<String> activations() {
        return Set.copyOf(NAMES.stream().map(n -> PACKAGE + n).toList());
    }

    @Override
    public String export(ExportedActivation a, OnnxGraph g) {
        String x = a.input();
        String n = a.layer();
        Hyperparameters h = a.hyperparameters();
        String simple = a.activation().getClass().getSimpleName();
        switch (simple) {
            case "Linear":
                return x;
            case "Relu", "Sigmoid", "Tanh", "Softplus", "Softsign":
                return g.node(simple, n, x);
            case "Exponential":
                return g.node("Exp", n, x);
            case "Softmax", "LogSoftmax":
                return g.node(simple, n, List.of(x), Map.of("axis", -1L));
            case "LeakyRelu":
                return g.node("LeakyRelu", n, List.of(x), Map.of("alpha", (float) h.number("alpha")));
            case "Elu":
                return g.node("Elu", n, List.of(x), Map.of("alpha", (float) h.number("alpha")));
            case "Selu":
                return g.node("Selu", n, List.of(x), Map.of("alpha", (float) SELU_ALPHA, "gamma", (float) SELU_SCALE));
            case "HardSigmoid":
                return g.node("HardSigmoid", n, List.of(x),
                        Map.of("alpha", (float) h.number("slope"), "beta", (float) h.number("offset")));
            case "Relu6":
                return g.node("Clip", n, x, g.scalar(n + "/zero", 0f), g.scalar(n + "/six", 6f));
            case "Swish", "Silu":
                return g.node("Mul", n, x, g.node("Sigmoid", n, x));
            case "Mish":
                return g.node("Mul", n, x, g.node("Tanh", n, g.node("Softplus", n, x)));
            case "Gelu": {
                String erf = g.node("Erf", n, g.node("Mul", n, x, g.scalar(n + "/one_over_sqrt2", (float) Math.sqrt(0.5))));
                String half = g.node("Mul", n, g.node("Add", n, erf, g.scalar(n + "/one", 1f)), g.scalar(n + "/half", 0.5f));
                return g.node("Mul", n, x, half);
            }
            default:
                throw new IllegalStateException("no export for the activation " + a.activation().getClass().getName());
        }
    }
}
