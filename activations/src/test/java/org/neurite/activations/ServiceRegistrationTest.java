package org.neurite.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Activation;

/** The module's services file and ServiceLoader discovery agree with the classes in the package. */
class ServiceRegistrationTest {
    private static final String SERVICES = "META-INF/services/" + Activation.class.getName();
    private static final String PACKAGE = Relu.class.getPackageName();

    @Test
    void discoveryFindsExactlyTheEighteenActivations() {
        Plugins plugins = Plugins.discover();
        assertEquals(Set.of("relu", "softmax", "sigmoid", "tanh", "linear", "leaky_relu", "elu",
                "softplus", "swish", "silu", "gelu", "selu", "hard_sigmoid", "softsign", "exponential",
                "relu6", "mish", "log_softmax"), plugins.activations().names());
        assertEquals(java.util.List.of(), plugins.loadFailures());
    }

    @Test
    void theServicesFileListsEveryPublicActivationClassOfThePackage() throws Exception {
        Path root = codeSource();
        Set<String> listed = new TreeSet<>();
        try (InputStream in = Files.newInputStream(root.resolve(SERVICES))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.replaceFirst("#.*", "").trim();
                if (!entry.isEmpty()) {
                    listed.add(entry);
                }
            }
        }
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.list(root.resolve(PACKAGE.replace('.', '/')))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String simple = file.getFileName().toString();
                if (!simple.endsWith(".class") || simple.contains("$") || simple.equals("package-info.class")) {
                    continue;
                }
                Class<?> type = Class.forName(PACKAGE + "." + simple.replace(".class", ""));
                int modifiers = type.getModifiers();
                if (Activation.class.isAssignableFrom(type) && Modifier.isPublic(modifiers)
                        && !Modifier.isAbstract(modifiers)) {
                    classes.add(type.getName());
                }
            }
        }
        assertEquals(18, classes.size(), "public activation classes found: " + classes);
        assertEquals(classes, listed, SERVICES + " must list every public Activation class of "
                + PACKAGE + ", and nothing else");
    }

    /** The directory or jar root that Relu was loaded from. */
    private static Path codeSource() throws IOException {
        URL location = Relu.class.getProtectionDomain().getCodeSource().getLocation();
        Path path = Path.of(URI.create(location.toString()));
        if (Files.isDirectory(path)) {
            return path;
        }
        FileSystem jar = FileSystems.newFileSystem(path, Map.of());
        Path root = jar.getPath("/");
        assertNotNull(root);
        assertTrue(Files.exists(root.resolve(SERVICES)), "no " + SERVICES + " in " + path);
        return root;
    }
}
