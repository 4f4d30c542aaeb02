package org.neurite.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparameterTest {
    private static final List<Hyperparameter> SGD = List.of(
            Hyperparameter.number("learning_rate", 0.01).greaterThan(0),
            Hyperparameter.number("momentum", 0.0).between(0, 1),
            Hyperparameter.bool("nesterov", false),
            Hyperparameter.integer("steps", 10).atLeast(1));

    @Test
    void aDeclarationRefusesAKeyThatIsNotSnakeCase() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameter.number("learningRate", 0.1));
        assertEquals("hyperparameter key 'learningRate' is not lower_snake_case", e.getMessage());
    }

    @Test
    void aDeclarationRefusesADefaultOfTheWrongType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Hyperparameter(
                "scale", Hyperparameter.Type.NUMBER, 1L, 0, false, Double.POSITIVE_INFINITY, true,
                Hyperparameter.Presence.DEFAULTED));
        assertEquals("hyperparameter 'scale' is a number but its default 1 is a Long", e.getMessage());
    }

    @Test
    void aDeclarationRefusesADefaultOutsideItsRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameter.number("scale", 0.0).greaterThan(0));
        assertEquals("hyperparameter 'scale' has a default 0.0 outside its own range", e.getMessage());
    }

    @Test
    void resolveFillsDefaultsAndConvertsWholeNumbers() {
        Hyperparameters h = Hyperparameters.resolve("optimizer 'sgd'", SGD, Map.of("learning_rate", 1L, "steps", 3.0));
        assertEquals(1.0, h.number("learning_rate"));
        assertEquals(0.0, h.number("momentum"));
        assertEquals(false, h.bool("nesterov"));
        assertEquals(3L, h.integer("steps"));
        assertEquals(List.of("learning_rate", "momentum", "nesterov", "steps"), List.copyOf(h.asMap().keySet()));
    }

    @Test
    void wrongTypesAreRefusedWithTheAcceptedKeys() {
        HyperparameterException bool = assertThrows(HyperparameterException.class,
                () -> Hyperparameters.resolve("optimizer 'sgd'", SGD, Map.of("nesterov", "yes")));
        assertEquals("optimizer 'sgd': nesterov = 'yes' is not a boolean; expected true or false. accepted: "
                + "learning_rate (number > 0, default 0.01), momentum (number in [0, 1], default 0), "
                + "nesterov (boolean, default false), steps (integer ≥ 1, default 10).", bool.getMessage());
        HyperparameterException integer = assertThrows(HyperparameterException.class,
                () -> Hyperparameters.resolve("optimizer 'sgd'", SGD, Map.of("steps", 2.5)));
        assertTrue(integer.getMessage().startsWith("optimizer 'sgd': steps = 2.5 is not an integer."), integer.getMessage());
    }

    @Test
    void nonFiniteAndOutOfRangeNumbersAreRefused() {
        assertTrue(assertThrows(HyperparameterException.class, () -> Hyperparameters.resolve("optimizer 'sgd'", SGD,
                Map.of("learning_rate", Double.NaN))).getMessage().contains("learning_rate = NaN is not finite"));
        assertTrue(assertThrows(HyperparameterException.class, () -> Hyperparameters.resolve("optimizer 'sgd'", SGD,
                Map.of("learning_rate", 0.0))).getMessage().contains("is out of range: it must be > 0"));
        assertTrue(assertThrows(HyperparameterException.class, () -> Hyperparameters.resolve("optimizer 'sgd'", SGD,
                Map.of("steps", 0L))).getMessage().contains("steps = 0 is out of range: it must be ≥ 1"));
    }

    @Test
    void aKeyWithoutAValueIsRefusedRatherThanDefaulted() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("momentum", null);
        HyperparameterException e = assertThrows(HyperparameterException.class,
                () -> Hyperparameters.resolve("optimizer 'sgd'", SGD, given));
        assertTrue(e.getMessage().startsWith("optimizer 'sgd': momentum has no value; leave the key out to use its "
                + "default."), e.getMessage());
    }

    @Test
    void aComponentWithoutHyperparametersSaysSo() {
        HyperparameterException e = assertThrows(HyperparameterException.class,
                () -> Hyperparameters.resolve("activation 'relu'", List.of(), Map.of("alpha", 0.1)));
        assertEquals("activation 'relu' has no hyperparameter 'alpha'; it takes no hyperparameters.", e.getMessage());
    }

    @Test
    void listHyperparametersConvertEachElementAndCheckItsRange() {
        List<Hyperparameter> declared = List.of(Hyperparameter.integers("boundaries").atLeast(0).required(),
                Hyperparameter.numbers("values").greaterThan(0).withDefault(List.of(0.5, 0.25)));
        assertEquals("boundaries (list of integers ≥ 0, required), values (list of numbers > 0, default [0.5, 0.25])",
                declared.get(0).describe() + ", " + declared.get(1).describe());
        Hyperparameters h = Hyperparameters.resolve("schedule 's'", declared, Map.of("boundaries", List.of(1L, 2.0)));
        assertEquals(List.of(1L, 2L), h.integers("boundaries"));
        assertEquals(List.of(0.5, 0.25), h.numbers("values"));
        HyperparameterException range = assertThrows(HyperparameterException.class, () -> Hyperparameters.resolve(
                "schedule 's'", declared, Map.of("boundaries", List.of(1L), "values", List.of(0.5, 0.0))));
        assertEquals("values", range.key());
        assertTrue(range.getMessage().startsWith("schedule 's': values[1] = 0.0 is out of range: it must be > 0."),
                range.getMessage());
        HyperparameterException scalar = assertThrows(HyperparameterException.class, () -> Hyperparameters.resolve(
                "schedule 's'", declared, Map.of("boundaries", 3L)));
        assertTrue(scalar.getMessage().startsWith("schedule 's': boundaries = 3 is not a list; expected a list of "
                + "integers, such as [1, 2]."), scalar.getMessage());
        IllegalArgumentException badDefault = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameter.numbers("values").withDefault(List.of(1L)));
        assertEquals("hyperparameter 'values' is a list of numbers but its default [1] is not a List of Double",
                badDefault.getMessage());
    }
}
