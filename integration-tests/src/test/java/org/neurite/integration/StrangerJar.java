package org.neurite.integration;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A plugin jar that nothing in the build knows: its source is compiled while the tests run,
 * against the class path of this test, and packed into a jar in a temporary folder with its
 * {@code META-INF/services} declaration. Loading it takes a fresh class loader.
 */
final class StrangerJar {
    static final String CLASS = "com.example.stranger.Cube";
    static final String NAME = "cube";
    static final String LAYER_CLASS = "com.example.stranger.RmsNormalization";
    static final String LAYER_NAME = "rms_normalization";
    static final String CALLBACK_CLASS = "com.example.stranger.HalveEvery";
    static final String CALLBACK_NAME = "halve_every";

    private static final String SOURCE = """
            package com.example.stranger;

            import org.neurite.core.spi.Activation;
            import org.neurite.core.tensor.Matrix;

            /** cube(z) = z³ / 3, written by someone who has never seen Neurite's sources. */
            public final class Cube implements Activation {
                @Override
                public String name() {
                    return "cube";
                }

                @Override
                public void forward(Matrix z, Matrix a) {
                    float[] in = z.data(), out = a.data();
                    for (int i = 0; i < in.length; i++) {
                        out[i] = in[i] * in[i] * in[i] / 3f;
                    }
                }

                @Override
                public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
                    float[] in = z.data(), g = gradA.data(), out = gradZ.data();
                    for (int i = 0; i < in.length; i++) {
                        out[i] = g[i] * in[i] * in[i];
                    }
                }
            }
            """;

    /**
     * An RMS normalization layer with a trainable per-feature scale: {@code y = g·x / r} with
     * {@code r = sqrt(mean(x²) + epsilon)} over each row.
     */
    private static final String LAYER_SOURCE = """
            package com.example.stranger;

            import java.util.List;
            import org.neurite.core.layer.BatchBuffers;
            import org.neurite.core.spi.Hyperparameter;
            import org.neurite.core.spi.Initializer;
            import org.neurite.core.spi.Layer;
            import org.neurite.core.spi.LayerArguments;
            import org.neurite.core.spi.LayerContext;
            import org.neurite.core.spi.LayerType;
            import org.neurite.core.spi.Pass;
            import org.neurite.core.tensor.Matrix;
            import org.neurite.core.tensor.Parameter;

            /** RMS normalization, written by someone who has never seen Neurite's sources. */
            public final class RmsNormalization implements LayerType {
                @Override
                public String name() {
                    return "rms_normalization";
                }

                @Override
                public List<Hyperparameter> hyperparameters() {
                    return List.of(Hyperparameter.number("epsilon", 1e-6).greaterThan(0));
                }

                @Override
                public List<ComponentSlot> components() {
                    return List.of(ComponentSlot.withDefault("scale_initializer", Initializer.class, "ones"));
                }

                @Override
                public Layer create(LayerArguments args) {
                    double epsilon = args.hyperparameters().number("epsilon");
                    Initializer init = args.component("scale_initializer", Initializer.class);
                    return new Layer() {
                        private Parameter scale;
                        private final BatchBuffers<double[]> rms = new BatchBuffers<>(double[]::new);

                        public String name() { return args.name(); }
                        public String type() { return "rms_normalization"; }
                        public int outputWidth(int inputWidth) { return inputWidth; }

                        public void build(int inputWidth, LayerContext context) {
                            scale = context.addWeight("scale", 1, inputWidth, init, null);
                        }

                        public void forward(Matrix x, Matrix y, Pass pass) {
                            int n = x.rows(), k = x.cols();
                            float[] in = x.data(), out = y.data(), g = scale.value().data();
                            double[] r = pass.training() ? rms.get(n) : null;
                            for (int i = 0; i < n; i++) {
                                double sum = 0;
                                for (int j = 0; j < k; j++) sum += (double) in[i * k + j] * in[i * k + j];
                                double ri = Math.sqrt(sum / k + epsilon);
                                if (r != null) r[i] = ri;
                                for (int j = 0; j < k; j++) out[i * k + j] = (float) (g[j] * in[i * k + j] / ri);
                            }
                        }

                        public void backward(Matrix x, Matrix y, Matrix gy, Matrix gx) {
                            int n = x.rows(), k = x.cols();
                            float[] in = x.data(), dy = gy.data(), g = scale.value().data(), dg = scale.gradient().data();
                            double[] r = rms.get(n);
                            java.util.Arrays.fill(dg, 0f);
                            for (int i = 0; i < n; i++) {
                                double dot = 0;
                                for (int j = 0; j < k; j++) {
                                    dg[j] += (float) (dy[i * k + j] * in[i * k + j] / r[i]);
                                    dot += g[j] * dy[i * k + j] * in[i * k + j];
                                }
                                if (gx != null) {
                                    float[] dx = gx.data();
                                    double r3 = r[i] * r[i] * r[i];
                                    for (int j = 0; j < k; j++) {
                                        dx[i * k + j] = (float) (g[j] * dy[i * k + j] / r[i] - in[i * k + j] * dot / (k * r3));
                                    }
                                }
                            }
                        }
                    };
                }
            }
            """;

    /** A callback that halves the learning rate every {@code epochs} epochs. */
    private static final String CALLBACK_SOURCE = """
            package com.example.stranger;

            import java.util.List;
            import java.util.Map;
            import org.neurite.core.spi.CallbackType;
            import org.neurite.core.spi.Hyperparameter;
            import org.neurite.core.spi.Hyperparameters;
            import org.neurite.core.train.Training;
            import org.neurite.core.train.TrainingListener;

            /** Halves the learning rate every k epochs, written by someone who has never seen Neurite's sources. */
            public final class HalveEvery implements CallbackType {
                private final long every;

                public HalveEvery() {
                    this(1);
                }

                private HalveEvery(long every) {
                    this.every = every;
                }

                @Override
                public String name() {
                    return "halve_every";
                }

                @Override
                public List<Hyperparameter> hyperparameters() {
                    return List.of(Hyperparameter.integer("epochs", 1).atLeast(1));
                }

                @Override
                public CallbackType configure(Hyperparameters values) {
                    return new HalveEvery(values.integer("epochs"));
                }

                @Override
                public TrainingListener start(Context context) {
                    return new TrainingListener() {
                        @Override
                        public void onEpochEnd(Training training, int epoch, Map<String, Double> logs) {
                            if ((epoch + 1) % every == 0) {
                                training.setLearningRate(training.learningRate() / 2);
                            }
                        }
                    };
                }
            }
            """;

    private static Path jar;

    private StrangerJar() {
    }

    /** The jar, built once per test run. */
    static synchronized Path jar() {
        if (jar == null) {
            try {
                jar = build(Files.createTempDirectory("stranger-plugin"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jar;
    }

    /** A class loader that sees this test's class path plus the stranger's jar. */
    static ClassLoader loader() {
        try {
            return new URLClassLoader(new URL[] {jar().toUri().toURL()}, StrangerJar.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path build(Path dir) throws IOException {
        Path src = dir.resolve("src/com/example/stranger/Cube.java");
        Path layerSrc = dir.resolve("src/com/example/stranger/RmsNormalization.java");
        Path callbackSrc = dir.resolve("src/com/example/stranger/HalveEvery.java");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, SOURCE);
        Files.writeString(layerSrc, LAYER_SOURCE);
        Files.writeString(callbackSrc, CALLBACK_SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-classpath",
                System.getProperty("java.class.path"), "-d", classes.toString(), src.toString(),
                layerSrc.toString(), callbackSrc.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on the stranger's plugin: " + status);
        }
        Path out = dir.resolve("stranger-plugin.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream jarOut = new JarOutputStream(Files.newOutputStream(out), manifest)) {
            List<String> classFiles = new java.util.ArrayList<>();
            try (var files = Files.walk(classes)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> classFiles.add(classes.relativize(f).toString().replace('\\', '/')));
            }
            for (String name : classFiles) {
                jarOut.putNextEntry(new JarEntry(name));
                Files.copy(classes.resolve(name), jarOut);
                jarOut.closeEntry();
            }
            jarOut.putNextEntry(new JarEntry("META-INF/services/org.neurite.core.spi.Activation"));
            write(jarOut, CLASS + "\n");
            jarOut.closeEntry();
            jarOut.putNextEntry(new JarEntry("META-INF/services/org.neurite.core.spi.LayerType"));
            write(jarOut, LAYER_CLASS + "\n");
            jarOut.closeEntry();
            jarOut.putNextEntry(new JarEntry("META-INF/services/org.neurite.core.spi.CallbackType"));
            write(jarOut, CALLBACK_CLASS + "\n");
            jarOut.closeEntry();
        }
        return out;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
