package org.neurite.onnx.spi;

import java.util.List;
import java.util.Map;
import org.neurite.core.tensor.Matrix;

/**
 * The graph an exporter appends to: constants (ONNX initializers) and nodes, named by the
 * graph. Values are float32 tensors; a batch is {@code N×width} with {@code N} dynamic.
 *
 * <p>Exporters see only this interface, never the protobuf classes, so that the generated code
 * can change without breaking a plugin.
 */
public interface OnnxGraph {

    /** The ONNX operator set (default domain) the graph is written for, such as 17. */
    int opset();

    /**
     * A constant float32 tensor with the given dimensions, stored as an initializer.
     *
     * @param hint   part of its name, such as {@code dense_1/kernel}
     * @param values the values, row-major; their count is the product of {@code dims}
     * @return the name of the value
     */
    String constant(String hint, float[] values, long... dims);

    /** A matrix as a 2-D constant ({@code rows×cols}). */
    default String matrix(String hint, Matrix m) {
        return constant(hint, m.data().clone(), m.rows(), m.cols());
    }

    /** A {@code 1×n} matrix (a per-feature vector such as a bias) as a 1-D constant of length n. */
    default String vector(String hint, Matrix m) {
        return constant(hint, m.data().clone(), m.size());
    }

    /** A float32 scalar constant (0-dimensional). */
    default String scalar(String hint, float value) {
        return constant(hint, new float[] {value});
    }

    /**
     * Appends a node with one output.
     *
     * @param opType     the operator, such as {@code Gemm} (default domain)
     * @param hint       part of the node's and its output's names, such as the layer's name
     * @param inputs     the names of its inputs ({@code ""} for an optional input left out)
     * @param attributes its attributes: a {@link Number} that is a {@link Float} or
     *                   {@link Double} becomes a float, other numbers an int, a {@link String}
     *                   a string, {@code float[]} floats and {@code long[]} ints
     * @return the name of its output
     */
    String node(String opType, String hint, List<String> inputs, Map<String, ?> attributes);

    /** {@link #node(String, String, List, Map)} without attributes. */
    default String node(String opType, String hint, String... inputs) {
        return node(opType, hint, List.of(inputs), Map.of());
    }
}
