package org.neurite.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.tensor.Matrix;

class PluginDiscoveryTest {
    @TempDir
    Path dir;

    /** A second activation calling itself test_tanh. */
    public static final class AnotherTanh implements Activation {
        @Override
        public String name() {
            return "test_tanh";
        }

        @Override
        public void forward(Matrix z, Matrix a) {
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        }
    }

    /** A provider whose constructor fails. */
    public static final class Broken implements Activation {
        public Broken() {
            throw new IllegalStateException("native library missing");
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public void forward(Matrix z, Matrix a) {
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        }
    }

    /** A provider with a name that is not lower_snake_case. */
    public static final class CamelCase implements Activation {
        @Override
        public String name() {
            return "MyRelu";
        }

        @Override
        public void forward(Matrix z, Matrix a) {
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        }
    }

    /** A class loader that sees the test class path plus one extra services file. */
    private ClassLoader withActivations(String... classNames) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(Activation.class.getName()), String.join("\n", classNames) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void discoversEveryKindWithItsSource() {
        Plugins plugins = Plugins.discover();
        assertEquals(java.util.Set.of("test_softmax", "test_tanh"), plugins.activations().names());
        assertTrue(plugins.losses().names().contains("test_crossentropy"));
        assertTrue(plugins.optimizers().names().contains("test_sgd"));
        assertTrue(plugins.initializers().names().contains("glorot_uniform"));
        assertTrue(plugins.activations().source("test_tanh").endsWith("test-classes"),
                plugins.activations().source("test_tanh"));
        assertTrue(plugins.initializers().source("zeros").endsWith("classes"),
                plugins.initializers().source("zeros"));
    }

    @Test
    void twoProvidersWithOneNameAreDiscoveredAndOnlyUsingTheNameIsAnError() throws IOException {
        Plugins plugins = Plugins.discover(withActivations(AnotherTanh.class.getName()));

        assertEquals(java.util.Set.of("test_softmax", "test_tanh"), plugins.activations().names());
        assertEquals("test_softmax", plugins.activations().get("test_softmax").name(), "other names still work");
        PluginException e = assertThrows(PluginException.class, () -> plugins.activations().get("test_tanh"));
        assertTrue(e.getMessage().startsWith("2 activations are named 'test_tanh': "), e.getMessage());
        assertTrue(e.getMessage().contains("org.neurite.core.testplugins.TestTanh (from "), e.getMessage());
        assertTrue(e.getMessage().contains(AnotherTanh.class.getName() + " (from "), e.getMessage());
        assertTrue(e.getMessage().contains("Choose one by its class name instead of 'test_tanh'"), e.getMessage());
        assertEquals(List.of(e.getMessage()), plugins.activations().ambiguities(), "discovery warns with the same words");
    }

    @Test
    void anAmbiguousNameIsResolvedByTheProvidersClassName() throws IOException {
        Plugins plugins = Plugins.discover(withActivations(AnotherTanh.class.getName()));

        assertTrue(plugins.activations().get(AnotherTanh.class.getName()) instanceof AnotherTanh);
        assertTrue(plugins.activations().get("org.neurite.core.testplugins.TestTanh")
                instanceof org.neurite.core.testplugins.TestTanh);
        assertFalse(plugins.activations().contains("com.example.NotThere"));
    }

    @Test
    void aProviderThatThrowsIsReportedAndTheOthersAreStillDiscovered() throws IOException {
        Plugins plugins = Plugins.discover(withActivations(Broken.class.getName()));
        assertEquals(java.util.Set.of("test_softmax", "test_tanh"), plugins.activations().names());
        assertEquals(1, plugins.loadFailures().size());
        String failure = plugins.loadFailures().get(0);
        assertTrue(failure.startsWith("The activation provider " + Broken.class.getName() + " (from "), failure);
        assertTrue(failure.contains("native library missing"), failure);
        assertTrue(failure.endsWith("It is left out; the other plugins are unaffected."), failure);
    }

    @Test
    void aListedClassThatDoesNotExistIsReportedAndTheOthersAreStillDiscovered() throws IOException {
        Plugins plugins = Plugins.discover(withActivations("com.example.Missing"));
        assertEquals(java.util.Set.of("test_softmax", "test_tanh"), plugins.activations().names());
        assertEquals(1, plugins.loadFailures().size());
        String failure = plugins.loadFailures().get(0);
        assertTrue(failure.startsWith("An activation provider listed in "
                + "META-INF/services/org.neurite.core.spi.Activation could not be loaded: "), failure);
        assertTrue(failure.contains("com.example.Missing"), failure);
    }

    @Test
    void aNameThatIsNotSnakeCaseIsRefused() throws IOException {
        PluginException e = assertThrows(PluginException.class,
                () -> Plugins.discover(withActivations(CamelCase.class.getName())));
        assertTrue(e.getMessage().contains("has the name 'MyRelu', which is not lower_snake_case"), e.getMessage());
    }

    @Test
    void unknownNameGivesKindNameClosestMatchAvailableNamesAndTheJarHint() {
        PluginException e = assertThrows(PluginException.class,
                () -> Plugins.discover().activations().get("test_tan"));
        assertEquals("Unknown activation 'test_tan'. Did you mean 'test_tanh'? Available: test_softmax, "
                + "test_tanh. A plugin jar on the class path that lists its class in "
                + "META-INF/services/org.neurite.core.spi.Activation provides new names.", e.getMessage());
    }

    @Test
    void createValidatesHyperparametersAndListsTheAcceptedKeys() {
        PluginCatalog<org.neurite.core.spi.Optimizer> optimizers = Plugins.discover().optimizers();
        HyperparameterException e = assertThrows(HyperparameterException.class,
                () -> optimizers.create("test_sgd", Map.of("learning_rate", -1.0)));
        assertEquals("optimizer 'test_sgd': learning_rate = -1.0 is out of range: it must be > 0. accepted: "
                + "learning_rate (number > 0, default 0.01), momentum (number in [0, 1], default 0).", e.getMessage());
        assertEquals("learning_rate", e.key());
    }

    @Test
    void eachTrainingRunGetsItsOwnOptimizerState() {
        var sgd = Plugins.discover().optimizers().create("test_sgd", Map.of("momentum", 0.9));
        var p1 = new org.neurite.core.tensor.Parameter("a", new Matrix(1, 1));
        var p2 = new org.neurite.core.tensor.Parameter("a", new Matrix(1, 1));
        var run1 = sgd.start(java.util.List.of(p1));
        var run2 = sgd.start(java.util.List.of(p2));
        p1.gradient().fill(1f);
        run1.step();
        run1.step();
        assertEquals(0f, p2.value().get(0, 0), "run 2 untouched by run 1");
        assertEquals(0f, run2.state().get("velocity/a").get(0, 0));
        assertTrue(run1.state().get("velocity/a").get(0, 0) < 0);
    }
}
