package org.neurite.onnx;

/**
 * A well-formed ONNX model that Neurite cannot import: an operator it does not map, an
 * attribute value it cannot express, or a graph that is not a single chain. The message names
 * the node, its operator and what is supported. Nothing is imported.
 */
public final class UnsupportedOnnxModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String node;
    private final String operator;

    /**
     * @param node     the node's name (or its output's, when it has none)
     * @param operator its operator, such as {@code Conv}
     * @param message  the whole message
     */
    public UnsupportedOnnxModelException(String node, String operator, String message) {
        super(message);
        this.node = node;
        this.operator = operator;
    }

    /** The node that cannot be imported. */
    public String node() {
        return node;
    }

    /** Its operator. */
    public String operator() {
        return operator;
    }
}
