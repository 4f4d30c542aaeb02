package org.neurite.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neurite.core.network.Network;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.data.Dataset;
import org.neurite.core.train.Trainer;

/**
 * The Fashion-MNIST network, 784 → Dense 256 relu → Dense 128 relu → Dense 10 softmax, trained
 * with categorical cross-entropy and SGD 0.1, and synthetic data of that shape.
 */
final class FashionMnistShape {
    static final int INPUTS = 784;
    static final int CLASSES = 10;
    static final int BATCH = 64;

    private FashionMnistShape() {
    }

    static Network network(Plugins plugins, Kernels kernels, long seed) {
        var relu = plugins.activations().get("relu");
        return Network.builder(INPUTS)
                .dense(256, relu)
                .dense(128, relu)
                .dense(CLASSES, plugins.activations().get("softmax"))
                .kernels(kernels)
                .seed(seed)
                .build();
    }

    static Trainer trainer(Plugins plugins, Network network) {
        return new Trainer(network, plugins.losses().get("categorical_crossentropy"),
                plugins.optimizers().create("sgd", Map.of("learning_rate", 0.1)), List.of());
    }

    /** {@code samples} rows of uniform [0, 1) inputs with uniformly random one-hot labels. */
    static Dataset syntheticData(int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix x = new Matrix(samples, INPUTS);
        float[] xd = x.data();
        for (int i = 0; i < xd.length; i++) {
            xd[i] = (float) random.nextDouble();
        }
        Matrix y = new Matrix(samples, CLASSES);
        for (int r = 0; r < samples; r++) {
            y.set(r, random.nextInt(CLASSES), 1f);
        }
        return new Dataset(x, y);
    }
}
