package org.neurite.core.plugin;

/**
 * A plugin problem: a name nobody provides, two providers of one name, a provider that cannot
 * be loaded. The message says what is wrong, what was found and how to fix it.
 */
public class PluginException extends RuntimeException {
    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
