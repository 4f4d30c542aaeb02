package org.neurite.keras;

/**
 * A well-formed Keras model that Neurite cannot represent: a layer class, an option or a graph
 * shape it has no equivalent for. The message names the layer, its class and what is supported.
 */
public final class UnsupportedKerasModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is not supported, and what is. */
    public UnsupportedKerasModelException(String message) {
        super(message);
    }
}
