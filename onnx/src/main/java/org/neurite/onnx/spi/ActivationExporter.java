package org.neurite.onnx.spi;

import java.util.Set;

/**
 * Writes some activations as ONNX nodes. A service interface: providers are listed in
 * {@code META-INF/services/org.neurite.onnx.spi.ActivationExporter} and found with
 * {@link java.util.ServiceLoader}, so an activation plugin's jar can carry its own export.
 * Matched by the class of the {@link org.neurite.core.spi.Activation} instance. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * public final class SquareExporter implements ActivationExporter {
 *     public Set<String> activations() { return Set.of("com.example.Square"); }
 *
 *     public String export(ExportedActivation a, OnnxGraph graph) {
 *         return graph.node("Mul", a.layer(), a.input(), a.input());
 *     }
 * }
 * }</pre>
 */
public interface ActivationExporter {

    /** The fully qualified class names of the {@code Activation} implementations this exports. */
    Set<String> activations();

    /**
     * Appends the nodes computing the activation of {@link ExportedActivation#input()} and
     * returns the name of their output (same shape).
     */
    String export(ExportedActivation activation, OnnxGraph graph);
}
