package org.neurite.core.network;

/**
 * A network would not fit in the memory it may use: raised while building it, before the
 * array that would exceed the limit is allocated. The message says what it needs and what the
 * limit is.
 */
public class NetworkTooLargeException extends IllegalArgumentException {
    public NetworkTooLargeException(String message) {
        super(message);
    }
}
