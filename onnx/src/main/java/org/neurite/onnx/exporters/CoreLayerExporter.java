package org.neurite.onnx.exporters;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurite.core.tensor.Matrix;
import org.neurite.onnx.spi.ExportedLayer;
import org.neurite.onnx.spi.LayerExporter;
import org.neurite.onnx.spi.OnnxGraph;

/**
 * Core's layer types: {@code dense} as {@code Gemm} ({@code x·W + b}, {@code W} inputs×units as
 * Neurite holds it, so no transpose) or {@code MatMul} without a bias; {@code activation} as
 * nothing (its activation is exported after it).
 */
public final class CoreLayerExporter implements LayerExporter {
    static final String DENSE = "org.neurite.core.layer.DenseType";
    static final String ACTIVATION = "org.neurite.core.layer.ActivationLayerType";

    @Override
    public Set<String> layerTypes() {
        return Set.of(DENSE, ACTIVATION);
    }

    @Override
    public String export(ExportedLayer layer, OnnxGraph graph) {
        if (!layer.layer().type().equals("dense")) {
            return layer.input();
        }
        String name = layer.name();
        String kernel = graph.matrix(name + "/kernel", layer.array("kernel"));
        Matrix bias = layer.array("bias");
        if (bias == null) {
            return graph.node("MatMul", name, layer.input(), kernel);
        }
        return graph.node("Gemm", name, List.of(layer.input(), kernel, graph.vector(name + "/bias", bias)), Map.of());
    }
}
