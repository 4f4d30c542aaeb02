package org.neurite.onnx;

/**
 * A model holds a component that cannot be written as ONNX: a layer type or activation that no
 * exporter on the class path claims, or a configuration of one that ONNX cannot express. The
 * message names the layer, the component, its class and how to provide an export.
 */
public final class UnsupportedExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String layer;
    private final String component;

    /**
     * @param layer     the layer's name
     * @param component the plugin's name (layer type or activation)
     * @param message   the whole message
     */
    public UnsupportedExportException(String layer, String component, String message) {
        super(message);
        this.layer = layer;
        this.component = component;
    }

    /** The name of the layer that cannot be exported. */
    public String layer() {
        return layer;
    }

    /** The name of the layer type or activation that has no export. */
    public String component() {
        return component;
    }
}
