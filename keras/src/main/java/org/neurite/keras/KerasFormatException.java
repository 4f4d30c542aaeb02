package org.neurite.keras;

/** A Keras file that cannot be read: not a Keras file, damaged, or larger than the limits. */
public final class KerasFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem with the file named in {@code message}. */
    public KerasFormatException(String message) {
        super(message);
    }

    /** A problem with the file named in {@code message}, caused by {@code cause}. */
    public KerasFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
