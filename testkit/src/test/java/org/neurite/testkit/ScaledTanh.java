package org.neurite.testkit;

import java.util.List;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.tensor.Matrix;

/** A correct element-wise activation with a hyperparameter: {@code scale · tanh(z)}. */
class ScaledTanh implements Activation {
    static final List<Hyperparameter> DECLARED =
            List.of(Hyperparameter.number("scale", 1.0).greaterThan(0));

    final double scale;

    ScaledTanh() {
        this(1.0);
    }

    ScaledTanh(double scale) {
        this.scale = scale;
    }

    @Override
    public String name() {
        return "scaled_tanh";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return DECLARED;
    }

    @Override
    public Activation configure(Hyperparameters values) {
        return new ScaledTanh(values.number("scale"));
    }

    @Override
    public void forward(Matrix z, Matrix a) {
        float[] in = z.data();
        float[] out = a.data();
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) (scale * Math.tanh(in[i]));
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        float[] in = z.data();
        float[] g = gradA.data();
        float[] out = gradZ.data();
        for (int i = 0; i < in.length; i++) {
            double sech = 1 / Math.cosh(in[i]);
            out[i] = (float) (g[i] * scale * sech * sech);
        }
    }
}
