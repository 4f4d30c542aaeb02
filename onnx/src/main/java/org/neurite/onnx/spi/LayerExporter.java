package org.neurite.onnx.spi;

import java.util.Set;

/**
 * Writes layers of some layer types as ONNX nodes, in inference form. A service interface:
 * providers are listed in {@code META-INF/services/org.neurite.onnx.spi.LayerExporter} and
 * found with {@link java.util.ServiceLoader}, so a layer plugin's jar can carry its own export.
 *
 * <p>An exporter is matched to a layer by the class of the layer's
 * {@link org.neurite.core.spi.LayerType} plugin, not by its name: a plugin that reuses a
 * built-in name does not get the built-in's export. A layer whose type no exporter claims is
 * refused with an {@link org.neurite.onnx.UnsupportedExportException} naming it.
 *
 * <p>The exporter writes only what the layer computes before its
 * {@link org.neurite.core.spi.Layer#activation() activation}; the activation is exported after
 * it by its own {@link ActivationExporter}. Stateless and thread-safe.
 *
 * <pre>{@code
 * public final class ScaleExporter implements LayerExporter {
 *     public Set<String> layerTypes() { return Set.of("com.example.ScaleType"); }
 *
 *     public String export(ExportedLayer layer, OnnxGraph graph) {     // y = factor · x
 *         String factor = graph.scalar(layer.name() + "/factor", (float) layer.hyperparameters().number("factor"));
 *         return graph.node("Mul", layer.name(), layer.input(), factor);
 *     }
 * }
 * }</pre>
 */
public interface LayerExporter {

    /** The fully qualified class names of the {@code LayerType} implementations this exports. */
    Set<String> layerTypes();

    /**
     * Appends the nodes computing {@code layer} (before its activation) on
     * {@link ExportedLayer#input()} and returns the name of their output, {@code N×outputWidth};
     * a layer that is the identity in inference (dropout) returns its input.
     *
     * @throws org.neurite.onnx.UnsupportedExportException if this configuration of the layer
     *                                                     cannot be exported
     */
    String export(ExportedLayer layer, OnnxGraph graph);
}
