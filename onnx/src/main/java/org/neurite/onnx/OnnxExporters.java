package org.neurite.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neurite.core.internal.ServiceProviders;
import org.neurite.onnx.spi.ActivationExporter;
import org.neurite.onnx.spi.LayerExporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONNX exporters found on a class path, by the class of the plugin each exports. Two
 * exporters that claim one class are both recorded, and exporting a model that uses that class
 * fails naming both (no first-on-the-class-path wins). Immutable and thread-safe.
 *
 * <pre>{@code
 * OnnxExporters exporters = OnnxExporters.discover(pluginClassLoader);
 * OnnxExport.write(model, Path.of("model.onnx"), exporters);
 * }</pre>
 */
public final class OnnxExporters {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxExporters.class);

    /** An exporter and the jar or directory it came from. */
    record Found<T>(T exporter, String source) {
    }

    private final Map<String, List<Found<LayerExporter>>> layers;
    private final Map<String, List<Found<ActivationExporter>>> activations;

    private OnnxExporters(Map<String, List<Found<LayerExporter>>> layers,
                          Map<String, List<Found<ActivationExporter>>> activations) {
        this.layers = Collections.unmodifiableMap(layers);
        this.activations = Collections.unmodifiableMap(activations);
    }

    /** The exporters visible to {@code loader}. */
    public static OnnxExporters discover(ClassLoader loader) {
        Map<String, List<Found<LayerExporter>>> layers = new TreeMap<>();
        for (ServiceProviders.Loaded<LayerExporter> l : ServiceProviders.load(LayerExporter.class, loader,
                "ONNX layer exporter", (message, cause) -> LOG.warn(message))) {
            for (String type : l.instance().layerTypes()) {
                layers.computeIfAbsent(type, k -> new ArrayList<>()).add(new Found<>(l.instance(), l.source()));
            }
        }
        Map<String, List<Found<ActivationExporter>>> activations = new TreeMap<>();
        for (ServiceProviders.Loaded<ActivationExporter> l : ServiceProviders.load(ActivationExporter.class, loader,
                "ONNX activation exporter", (message, cause) -> LOG.warn(message))) {
            for (String type : l.instance().activations()) {
                activations.computeIfAbsent(type, k -> new ArrayList<>()).add(new Found<>(l.instance(), l.source()));
            }
        }
        LOG.debug("ONNX exporters for {} layer types and {} activations", layers.size(), activations.size());
        return new OnnxExporters(layers, activations);
    }

    /** The exporters visible to the class loader of neurite-onnx. */
    public static OnnxExporters discover() {
        return discover(OnnxExporters.class.getClassLoader());
    }

    /** The classes of the layer types that can be exported. */
    public List<String> layerTypes() {
        return List.copyOf(layers.keySet());
    }

    /** The classes of the activations that can be exported. */
    public List<String> activations() {
        return List.copyOf(activations.keySet());
    }

    List<Found<LayerExporter>> layer(String className) {
        return layers.getOrDefault(className, List.of());
    }

    List<Found<ActivationExporter>> activation(String className) {
        return activations.getOrDefault(className, List.of());
    }
}
