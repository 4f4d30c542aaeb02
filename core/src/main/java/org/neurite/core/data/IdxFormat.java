package org.neurite.core.data;

import java.util.List;
import org.neurite.core.spi.DataFormat;

/**
 * {@code format: idx}: MNIST-style IDX files, plain or gzip, one image file and one label file
 * per split ({@code train: {images: train-images-idx3-ubyte.gz, labels:
 * train-labels-idx1-ubyte.gz}}), read by {@link IdxReader}.
 */
public final class IdxFormat implements DataFormat {
    @Override
    public String name() {
        return "idx";
    }

    @Override
    public List<Key> keys() {
        return List.of(Key.file("images", "the IDX image file"), Key.file("labels", "the IDX label file"));
    }

    @Override
    public Dataset read(Source source) {
        return IdxReader.read(source.file("images"), source.file("labels"));
    }
}
