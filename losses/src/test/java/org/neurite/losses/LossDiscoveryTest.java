package org.neurite.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Loss;

class LossDiscoveryTest {
    private static final String SERVICES = "META-INF/services/" + Loss.class.getName();

    @Test
    void serviceLoaderFindsExactlyTheFiveKerasNames() {
        Plugins plugins = Plugins.discover();

        assertEquals(Set.of("binary_crossentropy", "categorical_crossentropy", "mean_absolute_error",
                "mean_squared_error", "sparse_categorical_crossentropy"), plugins.losses().names());
        assertEquals(java.util.List.of(), plugins.loadFailures());
    }

    @Test
    void eachDiscoveredLossIsTheClassOfItsName() {
        var losses = Plugins.discover().losses();

        assertTrue(losses.get("categorical_crossentropy") instanceof CategoricalCrossentropy);
        assertTrue(losses.get("sparse_categorical_crossentropy") instanceof SparseCategoricalCrossentropy);
        assertTrue(losses.get("binary_crossentropy") instanceof BinaryCrossentropy);
        assertTrue(losses.get("mean_squared_error") instanceof MeanSquaredError);
        assertTrue(losses.get("mean_absolute_error") instanceof MeanAbsoluteError);
    }

    @Test
    void theServicesFileListsEveryPublicLossOfThePackage() throws Exception {
        Path classes = Path.of(CategoricalCrossentropy.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());

        assertEquals(publicLossClasses(classes), listedProviders(classes));
    }

    private static Set<String> listedProviders(Path classes) throws IOException, URISyntaxException {
        URL url = classes.resolve(SERVICES).toUri().toURL();
        try (InputStream in = url.openStream()) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(line -> line.replaceAll("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> publicLossClasses(Path classes) throws IOException {
        Path dir = classes.resolve(CategoricalCrossentropy.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> CategoricalCrossentropy.class.getPackageName() + "."
                            + f.substring(0, f.length() - ".class".length()))
                    .filter(LossDiscoveryTest::isPublicLoss)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean isPublicLoss(String className) {
        try {
            Class<?> c = Class.forName(className);
            return Loss.class.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers())
                    && !Modifier.isAbstract(c.getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
