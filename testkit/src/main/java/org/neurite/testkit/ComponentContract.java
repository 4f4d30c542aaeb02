package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Component;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.HyperparameterException;
import org.neurite.core.spi.Hyperparameters;

/**
 * The checks every plugin kind shares: its name, its hyperparameter declarations and their
 * validation, configuration, determinism and thread safety. Extend one of its four subclasses
 * ({@link ActivationContract}, {@link LossContract}, {@link OptimizerContract},
 * {@link InitializerContract}), not this class.
 *
 * <p>Every check is a {@code protected} JUnit test method; to leave one out for a good reason,
 * override it in the subclass without {@code @Test} (and say why in a comment).
 *
 * @param <T> the service interface
 */
public abstract class ComponentContract<T extends Component> {
    /** The rule {@code PluginCatalog} applies to names: lower_snake_case. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    static final int ITERATIONS_PER_THREAD = 200;
    private static final String UNKNOWN_KEY = "no_such_hyperparameter";

    ComponentContract() {
    }

    /** The instance under test, shared as a discovered plugin is. */
    abstract T component();

    /** The kind's word in messages, such as {@code activation}. */
    abstract String kind();

    /** {@code component.configure(values)} with the kind's covariant return type. */
    abstract T configure(T component, Hyperparameters values);

    /**
     * A deterministic piece of work that exercises {@code component} with inputs drawn from
     * {@code seed}; the returned values are compared with {@code equals} (bit for bit for
     * matrices and doubles).
     */
    abstract List<Object> run(T component, long seed);

    /**
     * Values for the hyperparameters that have no default ({@link Hyperparameter.Presence#REQUIRED}),
     * given alongside the values each check tries. Default: none.
     */
    Map<String, Object> requiredValues() {
        return Map.of();
    }

    private Map<String, Object> withRequired(Map<String, ?> given) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(requiredValues());
        all.putAll(given);
        return all;
    }

    String label(T component) {
        return kind() + " '" + component.name() + "'";
    }

    /** The name is non-blank, lower_snake_case and the same on every call. */
    @Test
    protected void nameIsNonBlankLowerSnakeCaseAndStable() {
        T c = component();
        String name = c.name();
        assertNotNull(name, kind() + " " + c.getClass().getName() + " returns a null name()");
        assertFalse(name.isBlank(), kind() + " " + c.getClass().getName() + " has a blank name()");
        assertTrue(NAME.matcher(name).matches(), kind() + " " + c.getClass().getName()
                + " is named '" + name + "', which is not lower_snake_case (like 'leaky_relu'):"
                + " names are config keys and must match " + NAME.pattern());
        assertEquals(name, c.name(), "name() must return the same value on every call");
        assertEquals(name, component().name(), "name() must not depend on the instance");
    }

    /**
     * Declared keys are unique. (Each {@link Hyperparameter} already refuses a key that is not
     * lower_snake_case, a default of the wrong type and a default outside its range.)
     */
    @Test
    protected void hyperparameterDeclarationsAreWellFormed() {
        T c = component();
        Set<String> seen = new HashSet<>();
        for (Hyperparameter h : c.hyperparameters()) {
            assertTrue(seen.add(h.name()), label(c) + " declares " + h.describe() + ": the key is declared twice");
        }
        assertEquals(c.hyperparameters(), c.hyperparameters(),
                "hyperparameters() must return the same declarations on every call");
    }

    /** An unknown key is rejected with a message naming it and every accepted key with its default. */
    @Test
    protected void unknownHyperparameterIsRejectedListingEveryAcceptedKey() {
        assertRejected(Map.of(UNKNOWN_KEY, 1.0), UNKNOWN_KEY, "an unknown key");
    }

    /** A string for a number, a fraction for an integer, a number for a boolean are rejected. */
    @Test
    protected void wronglyTypedHyperparameterIsRejected() {
        List<Hyperparameter> declared = component().hyperparameters();
        assumeFalse(declared.isEmpty(), "declares no hyperparameters");
        for (Hyperparameter h : declared) {
            List<Object> wrong = switch (h.type()) {
                case NUMBER -> List.of("0.5");
                case INTEGER -> List.of("1", 0.5);
                case BOOLEAN -> List.of(1.0, "true");
                case STRING -> List.of(1.0, true);
                case NUMBER_LIST -> List.of(0.5, List.of("0.5"));
                case INTEGER_LIST -> List.of(1L, List.of(0.5));
                case NAME_OR_INDEX -> List.of(0.5, true, -1L);
            };
            for (Object value : wrong) {
                assertRejected(Map.of(h.name(), value), h.name(), "a " + value.getClass()
                        .getSimpleName() + " " + value + " for a " + h.type());
            }
        }
    }

    /** A value just outside a declared range is rejected, and the message states the range. */
    @Test
    protected void outOfRangeHyperparameterIsRejected() {
        List<Hyperparameter> bounded = component().hyperparameters().stream()
                .filter(h -> !h.range().isEmpty()).toList();
        assumeFalse(bounded.isEmpty(), "declares no bounded hyperparameters");
        for (Hyperparameter h : bounded) {
            for (double value : outOfRange(h)) {
                Object boxed = h.type().element() == Hyperparameter.Type.INTEGER ? (Object) (long) value : value;
                if (h.type().isList()) {
                    boxed = List.of(boxed);
                }
                String message = assertRejected(Map.of(h.name(), boxed), h.name(),
                        value + ", outside " + h.range());
                assertTrue(message.contains(h.range()), "the message must state the range "
                        + h.range() + "; it was: " + message);
            }
        }
    }

    /** The defaults resolve, and configuring with them behaves exactly as the shared instance. */
    @Test
    protected void defaultsResolveAndConfigureWithThemGivesAnEquivalentInstance() {
        T c = component();
        Hyperparameters defaults = Hyperparameters.resolve(label(c), c.hyperparameters(), requiredValues());
        for (Hyperparameter h : c.hyperparameters()) {
            if (h.presence() != Hyperparameter.Presence.DEFAULTED) {
                continue;
            }
            assertEquals(h.defaultValue(), defaults.asMap().get(h.name()), "default of " + h.name());
        }
        T configured = configure(c, defaults);
        assertNotNull(configured, label(c) + ": configure(defaults) returned null");
        assertEquals(c.name(), configured.name(), "configure must keep the name");
        assertEquals(run(c, 11), run(configured, 11), label(c) + ": configure(defaults) must"
                + " behave exactly as the shared instance (its no-arg constructor gives the defaults)");
    }

    /** Configuring with other values gives a new instance and leaves the shared one as it was. */
    @Test
    protected void configureGivesANewInstanceAndLeavesTheSharedOneUnchanged() {
        T c = component();
        assumeFalse(c.hyperparameters().isEmpty(), "declares no hyperparameters");
        List<Object> before = run(c, 5);
        for (Hyperparameter h : c.hyperparameters()) {
            Object other = otherValue(h);
            if (other == null) {
                continue;
            }
            T configured = configure(c, Hyperparameters.resolve(label(c), c.hyperparameters(),
                    Map.of(h.name(), other)));
            assertNotNull(configured, label(c) + ": configure returned null for " + h.name() + " = " + other);
            assertNotSame(c, configured, label(c) + ": configure with " + h.name() + " = " + other
                    + " must return a new instance, not the shared one");
            assertEquals(c.name(), configured.name(), "configure must keep the name");
            run(configured, 5);
        }
        assertEquals(before, run(c, 5), label(c) + ": configure changed the shared instance;"
                + " hyperparameter fields must be final and configure must return a new instance");
    }

    /** The same inputs give bit-identical results, even after other work in between. */
    @Test
    protected void sameInputsGiveBitIdenticalResults() {
        T c = component();
        List<Object> first = run(c, 42);
        run(c, 7);
        assertEquals(first, run(c, 42), label(c) + " is not deterministic: the same inputs gave"
                + " different results (hidden state, or randomness not drawn from the inputs?)");
    }

    /** The shared instance, used from two threads at once, gives the results it gives sequentially. */
    @Test
    protected void sharedInstanceGivesTheSameResultsFromTwoThreadsAsSequentially() throws Exception {
        T shared = component();
        int total = 2 * ITERATIONS_PER_THREAD;
        List<List<Object>> expected = new ArrayList<>(total);
        for (int seed = 0; seed < total; seed++) {
            expected.add(run(shared, seed));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Integer> differing = new ArrayList<>();
                    for (int seed = offset; seed < total; seed += 2) {
                        if (!expected.get(seed).equals(run(shared, seed))) {
                            differing.add(seed);
                        }
                    }
                    return differing;
                }));
            }
            start.countDown();
            List<Integer> differing = new ArrayList<>();
            for (Future<List<Integer>> f : futures) {
                try {
                    differing.addAll(f.get(5, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    fail(label(shared) + " threw when used from two threads at once: " + e.getCause(),
                            e.getCause());
                } catch (TimeoutException e) {
                    fail(label(shared) + " did not finish in 5 minutes when used from two threads");
                }
            }
            assertTrue(differing.isEmpty(), label(shared) + " gave different results when shared"
                    + " by two threads than when used sequentially (" + differing.size() + " of "
                    + total + " runs differ). A shared instance must hold only final hyperparameter"
                    + " values: keep scratch buffers and per-run state out of its fields.");
        } finally {
            pool.shutdownNow();
        }
    }

    private String assertRejected(Map<String, ?> given, String key, String what) {
        T c = component();
        List<Hyperparameter> declared = c.hyperparameters();
        HyperparameterException e = assertThrows(HyperparameterException.class,
                () -> Hyperparameters.resolve(label(c), declared, withRequired(given)),
                label(c) + " accepted " + what + ": " + given);
        String message = e.getMessage();
        assertEquals(key, e.key(), "the exception must name the rejected key");
        assertTrue(message.contains(key), "the message must name '" + key + "': " + message);
        for (Hyperparameter h : declared) {
            assertTrue(message.contains(h.describe()), "the message must list the accepted key "
                    + h.describe() + ": " + message);
        }
        return message;
    }

    /** Values just outside the declared range: the nearest representable ones. */
    private static List<Double> outOfRange(Hyperparameter h) {
        boolean integer = h.type().element() == Hyperparameter.Type.INTEGER;
        List<Double> values = new ArrayList<>();
        if (h.min() != Double.NEGATIVE_INFINITY) {
            double v = integer ? Math.floor(h.min()) : h.min();
            values.add(h.inRange(v) ? (integer ? v - 1 : Math.nextDown(v)) : v);
        }
        if (h.max() != Double.POSITIVE_INFINITY) {
            double v = integer ? Math.ceil(h.max()) : h.max();
            values.add(h.inRange(v) ? (integer ? v + 1 : Math.nextUp(v)) : v);
        }
        return values;
    }

    /** An accepted value other than the default, or {@code null} if none is found. */
    static Object otherValue(Hyperparameter h) {
        if (h.type().isList()) { // lists usually constrain one another (a schedule's boundaries and values)
            return null;
        }
        if (h.type() == Hyperparameter.Type.BOOLEAN) {
            return h.defaultValue() == null || !(Boolean) h.defaultValue();
        }
        if (h.type() == Hyperparameter.Type.NAME_OR_INDEX) {
            return h.defaultValue() instanceof Long index ? (Object) (index + 1) : (Object) 0L;
        }
        if (h.defaultValue() == null) { // optional or required: any accepted value differs from "none"
            for (double v : new double[] {1, 0.5, 2, 0, 10}) {
                if (h.inRange(v)) {
                    return h.type() == Hyperparameter.Type.INTEGER ? (Object) (long) v : (Object) v;
                }
            }
            return null;
        }
        if (h.type() == Hyperparameter.Type.STRING) {
            return null;
        }
        double d = ((Number) h.defaultValue()).doubleValue();
        double[] candidates = {d * 2, d / 2, d + 1, d - 1, (h.min() + d) / 2, (d + h.max()) / 2};
        for (double v : candidates) {
            if (h.type() == Hyperparameter.Type.INTEGER) {
                v = Math.rint(v);
            }
            if (Double.isFinite(v) && v != d && h.inRange(v)) {
                return h.type() == Hyperparameter.Type.INTEGER ? (Object) (long) v : (Object) v;
            }
        }
        return null;
    }
}
