package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.config.ConfigException;
import org.neurite.core.config.ConfigReader;
import org.neurite.core.config.ConfigWriter;
import org.neurite.core.config.ModelConfig;
import org.neurite.core.data.DataLoader;
import org.neurite.core.model.Model;
import org.neurite.core.model.ModelAssembler;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.tensor.Matrix;

/**
 * A data format from a jar nothing in the build knows ({@code libsvm}: "label index:value ..."
 * lines, with a declared number of features) is used by name in a configuration's data section:
 * its hyperparameter is checked, its files are read, the data train a network, and the
 * configuration round-trips with it.
 */
class StrangerDataFormatTest {
    private static final String CLASS = "com.example.stranger.LibSvm";
    private static final String SOURCE = """
            package com.example.stranger;

            import java.io.IOException;
            import java.io.UncheckedIOException;
            import java.nio.file.Files;
            import java.util.List;
            import org.neurite.core.data.DataFormatException;
            import org.neurite.core.data.Dataset;
            import org.neurite.core.spi.DataFormat;
            import org.neurite.core.spi.Hyperparameter;
            import org.neurite.core.spi.Hyperparameters;
            import org.neurite.core.tensor.Matrix;

            /** LIBSVM's sparse text format, written by someone who has never seen Neurite's sources. */
            public final class LibSvm implements DataFormat {
                private final int features;

                public LibSvm() { this(1); }
                private LibSvm(int features) { this.features = features; }

                public String name() { return "libsvm"; }

                public List<Hyperparameter> hyperparameters() {
                    return List.of(Hyperparameter.integer("features", 1).atLeast(1).atMost(1 << 20));
                }

                public LibSvm configure(Hyperparameters values) {
                    return new LibSvm((int) values.integer("features"));
                }

                public List<Key> keys() { return List.of(Key.file("file", "the LIBSVM file")); }

                public Dataset read(Source source) {
                    List<String> lines;
                    try {
                        lines = Files.readAllLines(source.file("file"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    Matrix x = new Matrix(lines.size(), features), y = new Matrix(lines.size(), 1);
                    for (int r = 0; r < lines.size(); r++) {
                        String[] parts = lines.get(r).trim().split(" +");
                        y.set(r, 0, Float.parseFloat(parts[0]));
                        for (int i = 1; i < parts.length; i++) {
                            String[] iv = parts[i].split(":");
                            int index = Integer.parseInt(iv[0]);
                            if (index < 1 || index > features) {
                                throw new DataFormatException(source.file("file"), "line " + (r + 1),
                                        "feature index " + index + " is outside 1 to " + features);
                            }
                            x.set(r, index - 1, Float.parseFloat(iv[1]));
                        }
                    }
                    return new Dataset(x, y);
                }
            }
            """;

    private static final String CONFIG = """
            input_shape: [2]
            layers:
              - {type: dense, units: 8, activation: tanh}
              - {type: dense, units: 2, activation: softmax}
            loss: categorical_crossentropy
            optimizer: {name: sgd, learning_rate: 0.5}
            metrics: [accuracy]
            training: {epochs: 300, batch_size: 4, seed: 3, verbose: 0}
            data: {format: libsvm, features: 2, train: {file: xor.svm}, test: {file: xor.svm}, one_hot: 2}
            """;

    @TempDir
    static Path jarDir;
    private static ClassLoader loader;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildTheStrangersJar() throws IOException {
        Path src = Files.createDirectories(jarDir.resolve("src/com/example/stranger")).resolve("LibSvm.java");
        Path classes = Files.createDirectories(jarDir.resolve("classes"));
        Files.writeString(src, SOURCE);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-classpath",
                System.getProperty("java.class.path"), "-d", classes.toString(), src.toString());
        assertEquals(0, status, "javac on the stranger's data format");
        Path jar = jarDir.resolve("libsvm-format.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            String name = CLASS.replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(name));
            Files.copy(classes.resolve(name), out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/services/org.neurite.core.spi.DataFormat"));
            out.write((CLASS + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, StrangerDataFormatTest.class.getClassLoader());
    }

    @Test
    void theStrangersFormatReadsTrainsAndRoundTrips() throws IOException {
        Files.writeString(dir.resolve("xor.svm"), "0\n1 2:1\n1 1:1\n0 1:1 2:1\n");
        Plugins plugins = Plugins.discover(loader);
        assertTrue(plugins.dataFormats().source("libsvm").endsWith("libsvm-format.jar"));
        ModelConfig config = new ConfigReader(plugins).read(Files.writeString(dir.resolve("xor.yaml"), CONFIG));
        DataLoader.Loaded data = DataLoader.load(config.data(), plugins);
        assertEquals(Matrix.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), data.train().x());
        assertEquals(Matrix.of(new float[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}}), data.train().y());

        Model model = new ModelAssembler(plugins).assemble(config);
        model.fit(data.train());
        assertEquals(1.0, model.evaluate(data.test()).get("accuracy"), "XOR learned from the stranger's files");

        ModelConfig again = new ConfigReader(plugins).parse(ConfigWriter.toYaml(config), "again.yaml");
        assertEquals(config.data(), again.data());
        assertTrue(ConfigWriter.toYaml(config).contains("features: 2"), ConfigWriter.toYaml(config));
    }

    @Test
    void theFormatsHyperparametersAreCheckedAndWithoutTheJarTheNameIsUnknown() {
        Plugins plugins = Plugins.discover(loader);
        ConfigException bad = assertThrows(ConfigException.class, () -> new ConfigReader(plugins)
                .parse(CONFIG.replace("features: 2", "features: 0"), "xor.yaml"));
        assertEquals("data.features", bad.path());
        assertTrue(bad.detail().contains("it must be in [1, 1048576]"), bad.detail());

        ConfigException unknown = assertThrows(ConfigException.class, () -> new ConfigReader(Plugins.discover())
                .parse(CONFIG, "xor.yaml"));
        assertEquals("data.format", unknown.path());
        assertTrue(unknown.detail().startsWith("Unknown data format 'libsvm'. Available: csv, idx, npy, npz."),
                unknown.detail());
    }
}
