package org.neurite.guice;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mockStatic;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.neurite.core.plugin.PluginCatalog;
import org.neurite.core.plugin.PluginException;
import org.neurite.core.plugin.PluginKind;
import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Initializer;
import org.neurite.core.spi.Loss;
import org.neurite.core.spi.Optimizer;

class NeuriteModuleTest {
    private static final Key<Map<String, Activation>> ACTIVATIONS =
            Key.get(new TypeLiteral<Map<String, Activation>>() { });
    private static final Key<Map<String, Loss>> LOSSES =
            Key.get(new TypeLiteral<Map<String, Loss>>() { });
    private static final Key<Map<String, Optimizer>> OPTIMIZERS =
            Key.get(new TypeLiteral<Map<String, Optimizer>>() { });
    private static final Key<Map<String, Initializer>> INITIALIZERS =
            Key.get(new TypeLiteral<Map<String, Initializer>>() { });

    @Test
    void discoveredPluginsAppearInTheInjectedMaps() {
        Injector injector = Guice.createInjector(NeuriteModule.discover());

        assertAll(
                () -> assertInstanceOf(Identity.class,
                        injector.getInstance(ACTIVATIONS).get("test_identity")),
                () -> assertInstanceOf(ZeroLoss.class,
                        injector.getInstance(LOSSES).get("test_zero")),
                () -> assertInstanceOf(Frozen.class,
                        injector.getInstance(OPTIMIZERS).get("test_frozen")),
                () -> assertInstanceOf(Ones.class,
                        injector.getInstance(INITIALIZERS).get("test_ones")));
    }

    @Test
    void discoveredPluginsAppearInTheProvidedPluginsWithTheSourceTheyWereFoundIn() {
        Plugins discovered = Plugins.discover();

        Plugins plugins = Guice.createInjector(new NeuriteModule(discovered))
                .getInstance(Plugins.class);

        PluginCatalog<Activation> activations = plugins.activations();
        assertAll(
                () -> assertSame(discovered.activations().get("test_identity"),
                        activations.get("test_identity")),
                () -> assertSame(discovered.losses().get("test_zero"),
                        plugins.losses().get("test_zero")),
                () -> assertSame(discovered.optimizers().get("test_frozen"),
                        plugins.optimizers().get("test_frozen")),
                () -> assertSame(discovered.initializers().get("test_ones"),
                        plugins.initializers().get("test_ones")),
                () -> assertEquals(discovered.activations().source("test_identity"),
                        activations.source("test_identity")),
                () -> assertNotEquals(NeuriteModule.BOUND_SOURCE,
                        activations.source("test_identity")));
    }

    @Test
    void anActivationBoundInAUserModuleIsUsableByNameThroughPlugins() {
        Cube cube = new Cube();
        Injector injector = Guice.createInjector(NeuriteModule.discover(),
                bindingActivation("test_cube", cube));

        PluginCatalog<Activation> activations = injector.getInstance(Plugins.class).activations();
        assertAll(
                () -> assertSame(cube, activations.get("test_cube")),
                () -> assertEquals(NeuriteModule.BOUND_SOURCE, activations.source("test_cube")),
                () -> assertTrue(activations.contains("test_identity"), activations::toString),
                () -> assertSame(cube, injector.getInstance(ACTIVATIONS).get("test_cube")));
    }

    @Test
    void aBoundActivationWithTheNameOfADiscoveredOneIsReportedWithTheNameAndTheKind() {
        Module sameName = bindingActivation("test_identity", new Identity());

        CreationException e = assertThrows(CreationException.class,
                () -> Guice.createInjector(NeuriteModule.discover(), sameName));

        String message = e.getMessage();
        String discoveredIn = Plugins.discover().activations().source("test_identity");
        assertAll(message,
                () -> assertTrue(message.contains(
                        "Duplicate key \"test_identity\" found in Map<String, Activation>")),
                () -> assertTrue(message.contains(
                        "activation 'test_identity' discovered in " + discoveredIn)),
                () -> assertTrue(message.contains(getClass().getSimpleName() + ".java")));
    }

    @Test
    void permittingDuplicatesDoesNotSilentlyPickOneOfTwoActivationsWithOneName() {
        // Both are kept, as two discovered plugins with one name are; only using the name fails.
        Module permissive = new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, Activation.class).permitDuplicates()
                        .addBinding("test_identity").toInstance(new Identity());
            }
        };

        Plugins plugins = Guice.createInjector(NeuriteModule.discover(), permissive).getInstance(Plugins.class);

        String discoveredIn = Plugins.discover().activations().source("test_identity");
        PluginException e = assertThrows(PluginException.class, () -> plugins.activations().get("test_identity"));
        assertTrue(e.getMessage().startsWith("2 activations are named 'test_identity': "), e.getMessage());
        assertTrue(e.getMessage().contains(Identity.class.getName() + " (from " + discoveredIn + ")"), e.getMessage());
        assertTrue(e.getMessage().contains(Identity.class.getName() + " (from " + NeuriteModule.BOUND_SOURCE + ")"),
                e.getMessage());
    }

    @Test
    void aPluginBoundUnderAKeyOtherThanItsNameIsReportedWithTheKeyAndTheName() {
        Module misnamed = bindingActivation("test_cubic", new Cube());

        CreationException e = assertThrows(CreationException.class,
                () -> Guice.createInjector(NeuriteModule.discover(), misnamed));

        assertTrue(e.getMessage().contains("The activation bound under the key 'test_cubic' is "
                + "Cube, whose name() is 'test_cube'. A plugin's name() is its config key: bind it "
                + "with addBinding(\"test_cube\"), or make its name() return 'test_cubic'."),
                e.getMessage());
    }

    @Test
    void theInjectorExposesExactlyThePluginsItIsGivenWithoutDiscoveringAgain() {
        Cube cube = new Cube();
        Plugins byHand = new Plugins(
                List.of(PluginCatalog.builder(PluginKind.ACTIVATION).add(cube, "built by hand").build()),
                List.of("a provider that failed"));

        try (MockedStatic<Plugins> discovery = mockStatic(Plugins.class)) {
            Injector injector = Guice.createInjector(new NeuriteModule(byHand));
            Plugins plugins = injector.getInstance(Plugins.class);

            discovery.verifyNoInteractions();
            assertAll(
                    () -> assertEquals(Map.of("test_cube", cube),
                            injector.getInstance(ACTIVATIONS)),
                    () -> assertEquals(Map.of(), injector.getInstance(LOSSES)),
                    () -> assertEquals(Map.of(), injector.getInstance(OPTIMIZERS)),
                    () -> assertEquals(Map.of(), injector.getInstance(INITIALIZERS)),
                    () -> assertEquals("built by hand", plugins.activations().source("test_cube")),
                    () -> assertEquals(Set.of(), plugins.losses().names()),
                    () -> assertEquals(List.of("a provider that failed"), plugins.loadFailures()));
        }
    }

    @Test
    void discoverWithAClassLoaderRunsDiscoveryOnceBeforeTheInjector() {
        ClassLoader loader = getClass().getClassLoader();
        Plugins discovered = Plugins.discover(loader);

        try (MockedStatic<Plugins> discovery = mockStatic(Plugins.class)) {
            discovery.when(() -> Plugins.discover(loader)).thenReturn(discovered);

            NeuriteModule module = NeuriteModule.discover(loader);
            discovery.verify(() -> Plugins.discover(loader));
            Guice.createInjector(module).getInstance(Plugins.class);
            Guice.createInjector(module).getInstance(Plugins.class);

            discovery.verifyNoMoreInteractions();
        }
    }

    @Test
    void theProvidedPluginsIsASingleton() {
        Injector injector = Guice.createInjector(NeuriteModule.discover());

        assertSame(injector.getInstance(Plugins.class), injector.getInstance(Plugins.class));
        assertSame(injector.getInstance(Plugins.class),
                injector.getInstance(NeedsPlugins.class).plugins);
    }

    private static Module bindingActivation(String key, Activation activation) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, Activation.class)
                        .addBinding(key).toInstance(activation);
            }
        };
    }

    /** A consumer of the provided plugins, created by the injector. */
    static final class NeedsPlugins {
        final Plugins plugins;

        @Inject
        NeedsPlugins(Plugins plugins) {
            this.plugins = plugins;
        }
    }
}
