package org.neurite.examples.fashion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A small, easy stand-in for Fashion-MNIST in the same four gzip IDX files: class c is a bright
 * horizontal band on rows 2c+1 to 2c+3 of a noisy 28×28 image.
 */
final class SyntheticFashion {
    static final String TINY_CONFIG = """
            input_shape: [784]
            layers:
              - {type: dense, units: 16, activation: relu}
              - {type: dense, units: 10, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.1}
            metrics: [accuracy]
            training: {epochs: 2, batch_size: 32, seed: 7, verbose: 2}
            data:
              format: idx
              train: {images: train-images-idx3-ubyte.gz, labels: train-labels-idx1-ubyte.gz}
              test: {images: t10k-images-idx3-ubyte.gz, labels: t10k-labels-idx1-ubyte.gz}
              scale: 255
              one_hot: 10
            """;

    private SyntheticFashion() {
    }

    /** Writes 300 training and 100 test images with their labels into {@code dir}. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir, "train", 300, 1L);
        write(dir, "t10k", 100, 2L);
        return dir;
    }

    private static void write(Path dir, String prefix, int n, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer images = ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28).putInt(28);
        ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            int label = i % 10;
            labels.put((byte) label);
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    boolean band = r > 2 * label && r <= 2 * label + 3;
                    images.put((byte) (band ? 180 + random.nextInt(76) : random.nextInt(60)));
                }
            }
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), gzip(images.array()));
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), gzip(labels.array()));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
