package org.neurite.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Optimizer;

class OptimizerDiscoveryTest {
    private static final String SERVICES = "META-INF/services/" + Optimizer.class.getName();

    @Test
    void serviceLoaderFindsExactlyTheSevenKerasNames() {
        Plugins plugins = Plugins.discover();

        assertEquals(List.of("adagrad", "adam", "adamax", "adamw", "nadam", "rmsprop", "sgd"), List.copyOf(plugins.optimizers().names()));
        assertEquals(List.of(), plugins.loadFailures());
    }

    @Test
    void eachDiscoveredOptimizerIsTheClassOfItsNameWithDefaults() {
        var optimizers = Plugins.discover().optimizers();

        assertEquals(new Sgd(), optimizers.get("sgd"));
        assertEquals(new Adam(), optimizers.get("adam"));
        assertEquals(new Rmsprop(), optimizers.get("rmsprop"));
        assertEquals(new Adagrad(), optimizers.get("adagrad"));
        assertEquals(new AdamW(), optimizers.get("adamw"));
        assertEquals(new Nadam(), optimizers.get("nadam"));
        assertEquals(new Adamax(), optimizers.get("adamax"));
    }

    @Test
    void theServicesFileListsEveryPublicOptimizerOfThePackage() throws Exception {
        Path classes = Path.of(Sgd.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        assertEquals(publicOptimizerClasses(classes), listedProviders(classes));
        assertTrue(listedProviders(classes).contains(Sgd.class.getName()));
    }

    private static Set<String> listedProviders(Path classes) throws IOException {
        try (InputStream in = Files.newInputStream(classes.resolve(SERVICES))) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(line -> line.replaceAll("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> publicOptimizerClasses(Path classes) throws IOException {
        String pkg = Sgd.class.getPackageName();
        try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> pkg + "." + f.substring(0, f.length() - ".class".length()))
                    .filter(OptimizerDiscoveryTest::isPublicOptimizer)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean isPublicOptimizer(String className) {
        try {
            Class<?> c = Class.forName(className);
            return Optimizer.class.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers())
                    && !Modifier.isAbstract(c.getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
