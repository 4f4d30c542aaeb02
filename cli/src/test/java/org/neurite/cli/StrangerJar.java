package org.neurite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Plugin jars nothing in the build knows, compiled while the tests run: {@code cube}
 * (z³ / 3) and {@code explode}, which fails with an {@link IllegalStateException} in its first
 * forward pass (a plugin's own bug, so exit code 1).
 */
final class StrangerJar {
    private static final String CUBE = """
            package com.example.stranger;

            import org.neurite.core.spi.Activation;
            import org.neurite.core.tensor.Matrix;

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
    private static final String EXPLODE = """
            package com.example.stranger;

            import org.neurite.core.spi.Activation;
            import org.neurite.core.tensor.Matrix;

            public final class Explode implements Activation {
                @Override
                public String name() {
                    return "explode";
                }

                @Override
                public void forward(Matrix z, Matrix a) {
                    throw new IllegalStateException("explode has a bug");
                }

                @Override
                public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
                    throw new IllegalStateException("explode has a bug");
                }
            }
            """;

    private StrangerJar() {
    }

    /** Builds {@code stranger-plugin.jar} in {@code dir} (a folder of its own) and returns it. */
    static Path build(Path dir) throws IOException {
        Path src = dir.resolve("src/com/example/stranger");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        Files.writeString(src.resolve("Cube.java"), CUBE);
        Files.writeString(src.resolve("Explode.java"), EXPLODE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), src.resolve("Cube.java").toString(), src.resolve("Explode.java").toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed on the stranger's plugin: " + status);
        }
        Path jars = dir.resolve("jars");
        Files.createDirectories(jars);
        Path out = jars.resolve("stranger-plugin.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), manifest)) {
            for (String name : new String[] {"Cube", "Explode"}) {
                jar.putNextEntry(new JarEntry("com/example/stranger/" + name + ".class"));
                Files.copy(classes.resolve("com/example/stranger/" + name + ".class"), jar);
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/org.neurite.core.spi.Activation"));
            jar.write("com.example.stranger.Cube\ncom.example.stranger.Explode\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return out;
    }
}
