package org.neurite.core.io;

import java.nio.file.Path;
import java.util.List;
import org.neurite.core.data.Dataset;
import org.neurite.core.spi.DataFormat;

/**
 * {@code format: npy}: a numpy {@code .npy} file of features and one of labels per split
 * ({@code train: {x: x_train.npy, y: y_train.npy}}). Features are (n, ...) in any numeric
 * dtype, flattened per sample; labels (n,) or (n, k).
 */
public final class NpyFormat implements DataFormat {
    @Override
    public String name() {
        return "npy";
    }

    @Override
    public List<Key> keys() {
        return List.of(Key.file("x", "the .npy file of features"), Key.file("y", "the .npy file of labels"));
    }

    @Override
    public Dataset read(Source source) {
        Path xFile = source.file("x");
        Path yFile = source.file("y");
        return NumpyArrays.dataset(NumpyArrays.features(NumpyArrays.readNpy(xFile), xFile, ""),
                NumpyArrays.labels(NumpyArrays.readNpy(yFile), yFile, ""), xFile, "", yFile, "");
    }
}
