package org.neurite.core.spi;

/**
 * A component was configured with an unknown key, a value of the wrong type or a value out of
 * range. The message names the component, the key and value, and lists the accepted keys with
 * their defaults; {@link #key()} gives the offending key so callers can add a location.
 */
public final class HyperparameterException extends IllegalArgumentException {
    private final String key;

    public HyperparameterException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The key that was rejected. */
    public String key() {
        return key;
    }
}
