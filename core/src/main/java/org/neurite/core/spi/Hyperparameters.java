package org.neurite.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validated hyperparameter values of one component: every declared key, with the given value
 * or its default. Immutable.
 */
public final class Hyperparameters {
    private final Map<String, Object> values;

    private Hyperparameters(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Checks {@code given} against {@code declared} and fills in defaults.
     *
     * @param component how to name the component in messages, such as {@code optimizer 'sgd'}
     * @throws HyperparameterException for an unknown key, a wrong type or an out-of-range value
     */
    public static Hyperparameters resolve(String component, List<Hyperparameter> declared,
                                          Map<String, ?> given) {
        Map<String, Hyperparameter> byName = new LinkedHashMap<>();
        for (Hyperparameter h : declared) {
            byName.put(h.name(), h);
        }
        for (Map.Entry<String, ?> e : given.entrySet()) {
            String key = e.getKey();
            if (!byName.containsKey(key)) {
                throw new HyperparameterException(key, component + " has no hyperparameter '"
                        + key + "'; " + accepted(declared));
            }
            if (e.getValue() == null) {
                throw new HyperparameterException(key, component + ": " + key + " has no value; "
                        + "leave the key out to use its default. " + accepted(declared));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Hyperparameter h : declared) {
            Object raw = given.get(h.name());
            if (raw != null) {
                values.put(h.name(), convert(component, h, raw, declared));
            } else if (h.presence() == Hyperparameter.Presence.REQUIRED) {
                throw new HyperparameterException(h.name(), component + " needs " + h.name()
                        + ", which has no default. " + accepted(declared));
            } else if (h.presence() == Hyperparameter.Presence.DEFAULTED) {
                values.put(h.name(), h.defaultValue());
            }
        }
        return new Hyperparameters(Collections.unmodifiableMap(values));
    }

    private static Object convert(String component, Hyperparameter h, Object raw,
                                  List<Hyperparameter> declared) {
        if (h.type().isList()) {
            if (!(raw instanceof List<?> list)) {
                throw new HyperparameterException(h.name(), component + ": " + h.name() + " = " + quote(raw)
                        + " is not a list; expected a " + h.type() + ", such as [1, 2]. " + accepted(declared));
            }
            List<Object> out = new java.util.ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(convert(component + ": " + h.name() + "[" + i + "] = " + quote(list.get(i)), h,
                        h.type().element(), list.get(i), declared));
            }
            return List.copyOf(out);
        }
        return convert(component + ": " + h.name() + " = " + quote(raw), h, h.type(), raw, declared);
    }

    private static Object convert(String where, Hyperparameter h, Hyperparameter.Type type, Object raw,
                                  List<Hyperparameter> declared) {
        switch (type) {
            case STRING -> {
                if (raw instanceof String text) {
                    return text;
                }
                throw new HyperparameterException(h.name(), where + " is not a string. " + accepted(declared));
            }
            case NAME_OR_INDEX -> {
                if (raw instanceof String text) {
                    return text;
                }
                if (raw instanceof Number n && !(raw instanceof Double) && n.longValue() >= 0) {
                    return n.longValue();
                }
                throw new HyperparameterException(h.name(), where + " is neither a name (a string) nor a "
                        + "0-based index (a whole number ≥ 0). " + accepted(declared));
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                throw new HyperparameterException(h.name(), where + " is not a boolean; expected "
                        + "true or false. " + accepted(declared));
            }
            case INTEGER -> {
                if (!(raw instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                        || raw instanceof Double d && d.isInfinite()) {
                    throw new HyperparameterException(h.name(), where
                            + " is not an integer. " + accepted(declared));
                }
                checkRange(h, n.doubleValue(), where, declared);
                return n.longValue();
            }
            default -> {
                if (!(raw instanceof Number n)) {
                    throw new HyperparameterException(h.name(), where + " is not a number. "
                            + accepted(declared));
                }
                double v = n.doubleValue();
                if (!Double.isFinite(v)) {
                    throw new HyperparameterException(h.name(), where + " is not finite. "
                            + accepted(declared));
                }
                checkRange(h, v, where, declared);
                return v;
            }
        }
    }

    private static void checkRange(Hyperparameter h, double v, String where,
                                   List<Hyperparameter> declared) {
        if (!h.inRange(v)) {
            throw new HyperparameterException(h.name(), where + " is out of range: it must be "
                    + h.range() + ". " + accepted(declared));
        }
    }

    private static String quote(Object raw) {
        if (raw instanceof List<?> list) {
            return list.stream().map(Hyperparameters::quote).collect(Collectors.joining(", ", "[", "]"));
        }
        return raw instanceof String s ? "'" + s + "'" : String.valueOf(raw);
    }

    private static String accepted(List<Hyperparameter> declared) {
        if (declared.isEmpty()) {
            return "it takes no hyperparameters.";
        }
        return "accepted: " + declared.stream().map(Hyperparameter::describe)
                .collect(Collectors.joining(", ")) + ".";
    }

    /** {@code true} if {@code key} has a value (an optional key that was left out has none). */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A real-valued hyperparameter. */
    public double number(String key) {
        return ((Number) require(key)).doubleValue();
    }

    /** A whole-number hyperparameter. */
    public long integer(String key) {
        return ((Number) require(key)).longValue();
    }

    /** A text hyperparameter. */
    public String text(String key) {
        return (String) require(key);
    }

    /** A hyperparameter that is a list of real numbers. */
    @SuppressWarnings("unchecked")
    public List<Double> numbers(String key) {
        return (List<Double>) require(key);
    }

    /** A hyperparameter that is a list of whole numbers. */
    @SuppressWarnings("unchecked")
    public List<Long> integers(String key) {
        return (List<Long>) require(key);
    }

    /**
     * A name-or-index hyperparameter: a {@code String} (a name) or a {@code Long} (a 0-based
     * index).
     */
    public Object nameOrIndex(String key) {
        return require(key);
    }

    /** A boolean hyperparameter. */
    public boolean bool(String key) {
        return (Boolean) require(key);
    }

    /** Every key with its resolved value, in declaration order (for writing configs back). */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no hyperparameter '" + key + "' was declared; declared: "
                    + values.keySet());
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hyperparameters h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
