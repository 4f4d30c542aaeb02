package org.neurite.onnx.exporters;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.tensor.Matrix;
import org.neurite.onnx.spi.ActivationExporter;
import org.neurite.onnx.spi.ExportedActivation;
import org.neurite.onnx.spi.ExportedLayer;
import org.neurite.onnx.spi.LayerExporter;
import org.neurite.onnx.spi.OnnxGraph;

/**
 * The layer types of neurite-layers, in inference form: {@code dropout} and
 * {@code gaussian_noise} are left out (the identity), {@code batch_normalization} is
 * {@code BatchNormalization} with the moving statistics, {@code layer_normalization} is
 * {@code LayerNormalization} over the last axis, {@code relu}, {@code leaky_relu}, {@code elu}
 * and {@code prelu} are {@code Relu}/{@code Clip} (or a {@code Where} for a threshold or a
 * negative slope), {@code LeakyRelu}, {@code Elu} and {@code PRelu}; the {@code softmax} layer's
 * row-wise softmax is {@code Softmax} over the last axis.
 */
public final class LayersExporter implements LayerExporter, ActivationExporter {
    private static final String PACKAGE = "org.neurite.layers.";

    @Override
    public Set<String> layerTypes() {
        return Set.of(PACKAGE + "DropoutType", PACKAGE + "GaussianNoiseType", PACKAGE + "BatchNormalizationType",
                PACKAGE + "LayerNormalizationType", PACKAGE + "ReluType", PACKAGE + "LeakyReluType",
                PACKAGE + "EluType", PACKAGE + "PreluType", PACKAGE + "SoftmaxType");
    }

    @Override
    public Set<String> activations() {
        return Set.of(PACKAGE + "SoftmaxType$RowSoftmax");
    }

    @Override
    public String export(ExportedActivation activation, OnnxGraph graph) {
        return graph.node("Softmax", activation.layer(), List.of(activation.input()), Map.of("axis", -1L));
    }

    @Override
    public String export(ExportedLayer layer, OnnxGraph graph) {
        Hyperparameters h = layer.hyperparameters();
        String name = layer.name();
        String x = layer.input();
        switch (layer.layer().type()) {
            case "dropout", "gaussian_noise", "softmax":
                return x;
            case "batch_normalization": {
                int k = layer.inputWidth();
                String scale = h.bool("scale") ? graph.vector(name + "/gamma", layer.array("gamma"))
                        : graph.constant(name + "/gamma", filled(k, 1f), k);
                String bias = h.bool("center") ? graph.vector(name + "/beta", layer.array("beta"))
                        : graph.constant(name + "/beta", filled(k, 0f), k);
                return graph.node("BatchNormalization", name, List.of(x, scale, bias,
                                graph.vector(name + "/moving_mean", layer.array("moving_mean")),
                                graph.vector(name + "/moving_variance", layer.array("moving_variance"))),
                        Map.of("epsilon", (float) h.number("epsilon")));
            }
            case "layer_normalization": {
                int k = layer.inputWidth();
                String scale = h.bool("scale") ? graph.vector(name + "/gamma", layer.array("gamma"))
                        : graph.constant(name + "/gamma", filled(k, 1f), k);
                List<String> inputs = h.bool("center")
                        ? List.of(x, scale, graph.vector(name + "/beta", layer.array("beta"))) : List.of(x, scale);
                return graph.node("LayerNormalization", name, inputs,
                        Map.of("axis", -1L, "epsilon", (float) h.number("epsilon")));
            }
            case "relu":
                return relu(name, x, h, graph);
            case "leaky_relu":
                return graph.node("LeakyRelu", name, List.of(x), Map.of("alpha", (float) h.number("negative_slope")));
            case "elu":
                return graph.node("Elu", name, List.of(x), Map.of("alpha", (float) h.number("alpha")));
            case "prelu": {
                Matrix alpha = layer.array("alpha");
                return graph.node("PRelu", name, x, graph.vector(name + "/alpha", alpha));
            }
            default:
                throw new IllegalStateException("no export for the layer type " + layer.layer().type());
        }
    }

    /**
     * Keras's {@code ReLU(max_value, negative_slope, threshold)}: {@code min(x, max)} for
     * {@code x > threshold}, else {@code negative_slope·(x − threshold)}.
     */
    private static String relu(String name, String x, Hyperparameters h, OnnxGraph graph) {
        float slope = (float) h.number("negative_slope");
        float threshold = (float) h.number("threshold");
        boolean capped = h.has("max_value");
        if (slope == 0 && threshold == 0) {
            return capped ? graph.node("Clip", name, x, graph.scalar(name + "/min", 0f),
                    graph.scalar(name + "/max", (float) h.number("max_value"))) : graph.node("Relu", name, x);
        }
        String zero = graph.scalar(name + "/zero", 0f);
        String t = graph.scalar(name + "/threshold", threshold);
        String positive = graph.node("Where", name, graph.node("Greater", name, x, t), graph.node("Relu", name, x), zero);
        if (capped) {
            positive = graph.node("Min", name, positive, graph.scalar(name + "/max", (float) h.number("max_value")));
        }
        if (slope == 0) {
            return positive;
        }
        String below = graph.node("Relu", name, graph.node("Sub", name, t, x));
        return graph.node("Sub", name, positive, graph.node("Mul", name, graph.scalar(name + "/slope", slope), below));
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
