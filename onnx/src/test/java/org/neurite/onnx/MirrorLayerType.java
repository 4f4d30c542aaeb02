package org.neurite.onnx;

import org.neurite.core.spi.Layer;
import org.neurite.core.spi.LayerArguments;
import org.neurite.core.spi.LayerContext;
import org.neurite.core.spi.LayerType;
import org.neurite.core.spi.Pass;
import org.neurite.core.tensor.Matrix;

/** A test layer plugin, {@code y = −x}, without an ONNX export. */
public final class MirrorLayerType implements LayerType {
    @Override
    public String name() {
        return "mirror";
    }

    @Override
    public Layer create(LayerArguments a) {
        return new Layer() {
            @Override
            public String name() {
                return a.name();
            }

            @Override
            public String type() {
                return "mirror";
            }

            @Override
            public int outputWidth(int inputWidth) {
                return inputWidth;
            }

            @Override
            public void build(int inputWidth, LayerContext context) {
            }

            @Override
            public void forward(Matrix x, Matrix y, Pass pass) {
                for (int i = 0; i < x.size(); i++) {
                    y.data()[i] = -x.data()[i];
                }
            }

            @Override
            public void backward(Matrix x, Matrix y, Matrix gradY, Matrix gradX) {
                if (gradX != null) {
                    for (int i = 0; i < x.size(); i++) {
                        gradX.data()[i] = -gradY.data()[i];
                    }
                }
            }
        };
    }
}
