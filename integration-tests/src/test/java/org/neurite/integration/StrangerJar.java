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
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-classpath",
                System.getProperty("java.class.path"), "-d", classes.toString(), src.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on the stranger's plugin: " + status);
        }
        Path out = dir.resolve("stranger-plugin.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream jarOut = new JarOutputStream(Files.newOutputStream(out), manifest)) {
            for (String name : List.of("com/example/stranger/Cube.class")) {
                jarOut.putNextEntry(new JarEntry(name));
                Files.copy(classes.resolve(name), jarOut);
                jarOut.closeEntry();
            }
            jarOut.putNextEntry(new JarEntry("META-INF/services/org.neurite.core.spi.Activation"));
            write(jarOut, CLASS + "\n");
            jarOut.closeEntry();
        }
        return out;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
