package org.neurite.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Data files a user would have: XOR as CSV, and a small Fashion-like set of gzip IDX files. */
final class TestData {
    static final String XOR_CONFIG = """
            input_shape: [2]
            layers:
              - {type: dense, units: 8, activation: %s}
              - {type: dense, units: 2, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.1}
            metrics: [accuracy]
            training: {epochs: %d, batch_size: 32, seed: 42, verbose: 0}
            data:
              format: csv
              train: {file: xor.csv}
              test: {file: xor.csv}
              label_column: label
              one_hot: 2
            """;

    /** The Fashion-MNIST configuration's shape at a tenth of the size, on 28×28 images with bands. */
    static final String FASHION_CONFIG = """
            input_shape: [784]
            layers:
              - {type: dense, units: 32, activation: relu}
              - {type: dense, units: 10, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.1}
            metrics: [accuracy]
            training: {epochs: 3, batch_size: 32, seed: 7, verbose: 2}
            data:
              format: idx
              train: {images: train-images-idx3-ubyte.gz, labels: train-labels-idx1-ubyte.gz}
              test: {images: t10k-images-idx3-ubyte.gz, labels: t10k-labels-idx1-ubyte.gz}
              scale: 255
              one_hot: 10
            """;

    private TestData() {
    }

    /** Writes {@code xor.csv} and {@code xor.yaml} (hidden activation {@code activation}) into {@code dir}. */
    static Path xor(Path dir, String activation, int epochs) throws IOException {
        Files.writeString(dir.resolve("xor.csv"), "x1,x2,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        Path config = dir.resolve("xor.yaml");
        Files.writeString(config, String.format(java.util.Locale.ROOT, XOR_CONFIG, activation, epochs));
        return config;
    }

    /** 300 training and 100 test images, class c a bright band on rows 2c+1 to 2c+3 of noise. */
    static Path fashion(Path dir) throws IOException {
        write(dir, "train", 300, 1L);
        write(dir, "t10k", 100, 2L);
        Path config = dir.resolve("fashion.yaml");
        Files.writeString(config, FASHION_CONFIG);
        return config;
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
