package org.neurite.cli;

/**
 * A mistake of the user's, found by the command line (a missing input file, an output path
 * that cannot be written, data that do not fit the model): exit code 2, with the message alone.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error whose message says what is wrong, what was found and what is accepted. */
    public UsageException(String message) {
        super(message);
    }

    /** The same, keeping the cause for debugging. */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
