package org.neurite.layers;

import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.tensor.Matrix;

/** Checks of the explicit per-feature arrays (1×width) the layers take. */
final class RowArrays {
    private RowArrays() {
    }

    /** Fails naming {@code key} unless {@code explicit} is absent or 1×{@code width}. */
    static void requireRow(String layer, String key, Matrix explicit, int width) {
        if (explicit != null && !explicit.hasShape(1, width)) {
            throw new HyperparameterException(key, layer + ": the explicit " + key + " is " + explicit.shape()
                    + " but inputs of width " + width + " need 1×" + width + " (one value per feature)");
        }
    }

    /** Fails naming {@code key} if {@code explicit} is given for an array the layer does not have. */
    static void requireAbsent(String layer, String key, Matrix explicit, String flag) {
        if (explicit != null) {
            throw new HyperparameterException(key, layer + ": an explicit " + key + " is given but "
                    + flag + " is false, so the layer has no " + key);
        }
    }
}
