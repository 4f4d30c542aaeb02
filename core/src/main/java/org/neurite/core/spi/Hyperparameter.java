package org.neurite.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The declaration of one hyperparameter of a component: its key, type, default and valid range.
 *
 * <pre>{@code
 * Hyperparameter.number("learning_rate", 0.01).greaterThan(0)
 * Hyperparameter.number("momentum", 0.0).between(0, 1)
 * Hyperparameter.bool("nesterov", false)
 * Hyperparameter.integers("boundaries").atLeast(0).required()     // a list of whole numbers
 * }</pre>
 *
 * @param name         the lower_snake_case key used in configuration files
 * @param type         the accepted type
 * @param defaultValue the value used when the key is absent ({@code Double}, {@code Long},
 *                     {@code Boolean}, {@code String}, or a {@code List} of {@code Double} or
 *                     {@code Long}, matching {@code type})
 * @param min          lower bound for numbers, and for each element of a list ({@code -∞} if none)
 * @param minInclusive whether {@code min} itself is accepted
 * @param max          upper bound for numbers ({@code +∞} if none)
 * @param maxInclusive whether {@code max} itself is accepted
 * @param presence     whether the key may be left out, and what that means
 */
public record Hyperparameter(String name, Type type, Object defaultValue,
                             double min, boolean minInclusive, double max, boolean maxInclusive,
                             Presence presence) {

    /** What leaving a key out means. */
    public enum Presence {
        /** The default value is used. */
        DEFAULTED,
        /** Leaving it out is an error: the key has no default ({@code units} of a dense layer). */
        REQUIRED,
        /** Left out, it has no value at all ({@code max_value} of a relu layer: unbounded). */
        OPTIONAL
    }

    /** The value types a hyperparameter can have. */
    public enum Type {
        /** A real number, read as {@code double}. */
        NUMBER("number"),
        /** A whole number, read as {@code long}. */
        INTEGER("integer"),
        /** {@code true} or {@code false}. */
        BOOLEAN("boolean"),
        /** Text, such as a file name or the name of a logged quantity. */
        STRING("string"),
        /** A list of real numbers, read as {@code List<Double>}; the range applies to each element. */
        NUMBER_LIST("list of numbers"),
        /** A list of whole numbers, read as {@code List<Long>}; the range applies to each element. */
        INTEGER_LIST("list of integers"),
        /**
         * A column or entry given by its name (a string) or by its 0-based position (a whole
         * number ≥ 0), such as a CSV file's {@code label_column}; read as {@code String} or
         * {@code Long}.
         */
        NAME_OR_INDEX("name or 0-based index");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        /** {@code true} for the list types. */
        public boolean isList() {
            return this == NUMBER_LIST || this == INTEGER_LIST;
        }

        /** The type of one element of a list type, or this type itself. */
        public Type element() {
            return this == NUMBER_LIST ? NUMBER : this == INTEGER_LIST ? INTEGER : this;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public Hyperparameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(presence, "presence");
        if (presence == Presence.DEFAULTED) {
            Objects.requireNonNull(defaultValue, "defaultValue");
        }
        if (!name.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
            throw new IllegalArgumentException("hyperparameter key '" + name + "' is not lower_snake_case");
        }
        Class<?> expected = switch (type.element()) {
            case NUMBER -> Double.class;
            case INTEGER -> Long.class;
            case BOOLEAN -> Boolean.class;
            case NAME_OR_INDEX -> defaultValue instanceof Long ? Long.class : String.class;
            default -> String.class;
        };
        if (defaultValue != null && type.isList()) {
            if (!(defaultValue instanceof List<?> list) || !list.stream().allMatch(expected::isInstance)) {
                throw new IllegalArgumentException("hyperparameter '" + name + "' is a " + type + " but its default "
                        + defaultValue + " is not a List of " + expected.getSimpleName());
            }
            defaultValue = List.copyOf(list);
        } else if (defaultValue != null && !expected.isInstance(defaultValue)) {
            throw new IllegalArgumentException("hyperparameter '" + name + "' is a " + type + " but its default "
                    + defaultValue + " is a " + defaultValue.getClass().getSimpleName());
        }
        if (min > max) {
            throw new IllegalArgumentException("hyperparameter '" + name + "' has an empty range: min " + min
                    + " > max " + max);
        }
        List<?> defaults = defaultValue instanceof List<?> list ? list
                : defaultValue == null ? List.of() : List.of(defaultValue);
        for (Object d : defaults) {
            if (d instanceof Number n && !within(n.doubleValue(), min, minInclusive, max, maxInclusive)) {
                throw new IllegalArgumentException("hyperparameter '" + name + "' has a default " + defaultValue
                        + " outside its own range");
            }
        }
    }

    /** A real-valued hyperparameter with no bounds yet. */
    public static Hyperparameter number(String name, double defaultValue) {
        return new Hyperparameter(name, Type.NUMBER, defaultValue,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, Presence.DEFAULTED);
    }

    /** A whole-number hyperparameter with no bounds yet. */
    public static Hyperparameter integer(String name, long defaultValue) {
        return new Hyperparameter(name, Type.INTEGER, defaultValue,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, Presence.DEFAULTED);
    }

    /** A hyperparameter that is a list of real numbers, such as a schedule's {@code values}; no default yet. */
    public static Hyperparameter numbers(String name) {
        return new Hyperparameter(name, Type.NUMBER_LIST, null,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, Presence.REQUIRED);
    }

    /** A hyperparameter that is a list of whole numbers, such as a schedule's {@code boundaries}; no default yet. */
    public static Hyperparameter integers(String name) {
        return new Hyperparameter(name, Type.INTEGER_LIST, null,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, Presence.REQUIRED);
    }

    /** This list-typed declaration with {@code defaults} as its default value. */
    public Hyperparameter withDefault(List<?> defaults) {
        return new Hyperparameter(name, type, defaults, min, minInclusive, max, maxInclusive, Presence.DEFAULTED);
    }

    /** A boolean hyperparameter. */
    public static Hyperparameter bool(String name, boolean defaultValue) {
        return new Hyperparameter(name, Type.BOOLEAN, defaultValue,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, Presence.DEFAULTED);
    }

    /** A text hyperparameter, such as a file name. */
    public static Hyperparameter string(String name, String defaultValue) {
        return new Hyperparameter(name, Type.STRING, defaultValue,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, Presence.DEFAULTED);
    }

    /**
     * A hyperparameter naming a column or an entry by name or by 0-based index, such as
     * {@code label_column}; {@code defaultValue} is a {@code String}, a {@code Long}, or
     * {@code null} for none (then make it {@link #required()} or {@link #optional()}).
     */
    public static Hyperparameter nameOrIndex(String name, Object defaultValue) {
        return new Hyperparameter(name, Type.NAME_OR_INDEX, defaultValue,
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true,
                defaultValue == null ? Presence.OPTIONAL : Presence.DEFAULTED);
    }

    /** This declaration, accepting only values {@code ≥ lower}. */
    public Hyperparameter atLeast(double lower) {
        return new Hyperparameter(name, type, defaultValue, lower, true, max, maxInclusive, presence);
    }

    /** This declaration, accepting only values {@code > lower}. */
    public Hyperparameter greaterThan(double lower) {
        return new Hyperparameter(name, type, defaultValue, lower, false, max, maxInclusive, presence);
    }

    /** This declaration, accepting only values {@code ≤ upper}. */
    public Hyperparameter atMost(double upper) {
        return new Hyperparameter(name, type, defaultValue, min, minInclusive, upper, true, presence);
    }

    /** This declaration, accepting only values {@code < upper}. */
    public Hyperparameter lessThan(double upper) {
        return new Hyperparameter(name, type, defaultValue, min, minInclusive, upper, false, presence);
    }

    /** This declaration, accepting only values in {@code [lower, upper]}. */
    public Hyperparameter between(double lower, double upper) {
        return new Hyperparameter(name, type, defaultValue, lower, true, upper, true, presence);
    }

    /** This declaration with no default: the key must be given. */
    public Hyperparameter required() {
        return new Hyperparameter(name, type, null, min, minInclusive, max, maxInclusive, Presence.REQUIRED);
    }

    /** This declaration with no default: left out, the key has no value. */
    public Hyperparameter optional() {
        return new Hyperparameter(name, type, null, min, minInclusive, max, maxInclusive, Presence.OPTIONAL);
    }

    /** {@code true} if {@code value} lies within the declared range. */
    public boolean inRange(double value) {
        return within(value, min, minInclusive, max, maxInclusive);
    }

    private static boolean within(double value, double min, boolean minInclusive, double max, boolean maxInclusive) {
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    /** The accepted range in words, such as {@code "> 0"} or {@code "in [0, 1]"}; empty if any. */
    public String range() {
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax) {
            return "in " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max)
                    + (maxInclusive ? "]" : ")");
        }
        if (hasMin) {
            return (minInclusive ? "≥ " : "> ") + format(min);
        }
        if (hasMax) {
            return (maxInclusive ? "≤ " : "< ") + format(max);
        }
        return "";
    }

    /** One line for error messages: {@code learning_rate (number > 0, default 0.01)}. */
    public String describe() {
        String range = range();
        String presenceText = switch (presence) {
            case DEFAULTED -> "default " + formatValue(defaultValue);
            case REQUIRED -> "required";
            case OPTIONAL -> "optional";
        };
        return name + " (" + type + (range.isEmpty() ? "" : " " + range) + ", " + presenceText + ")";
    }

    static String formatValue(Object value) {
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Hyperparameter::formatValue).collect(Collectors.joining(", ", "[", "]"));
        }
        return value instanceof Double d ? format(d) : String.valueOf(value);
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
