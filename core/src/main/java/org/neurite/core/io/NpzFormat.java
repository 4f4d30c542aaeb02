package org.neurite.core.io;

import java.nio.file.Path;
import java.util.List;
import org.neurite.core.data.Dataset;
import org.neurite.core.internal.Names;
import org.neurite.core.spi.DataFormat;

/**
 * {@code format: npz}: a numpy {@code .npz} archive ({@code np.savez} or
 * {@code np.savez_compressed}) and the names of its feature and label arrays per split
 * ({@code train: {file: mnist.npz, x: x_train, y: y_train}}; the names default to {@code x} and
 * {@code y}). One archive may hold both splits.
 */
public final class NpzFormat implements DataFormat {
    @Override
    public String name() {
        return "npz";
    }

    @Override
    public List<Key> keys() {
        return List.of(Key.file("file", "the .npz archive"),
                Key.name("x", "x", "the name of the features array in the archive"),
                Key.name("y", "y", "the name of the labels array in the archive"));
    }

    @Override
    public Dataset read(Source source) {
        Path file = source.file("file");
        String x = source.name("x");
        String y = source.name("y");
        String xWhat = "array '" + Names.shorten(x) + "'";
        String yWhat = "array '" + Names.shorten(y) + "'";
        return NumpyArrays.dataset(NumpyArrays.features(NumpyArrays.readNpz(file, x), file, xWhat),
                NumpyArrays.labels(NumpyArrays.readNpz(file, y), file, yWhat), file, xWhat, file, yWhat);
    }
}
