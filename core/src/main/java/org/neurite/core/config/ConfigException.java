package org.neurite.core.config;

/**
 * A configuration file is wrong. The message gives the file, the path inside it (such as
 * {@code layers[1].activation}), the bad value and what is accepted.
 */
public final class ConfigException extends RuntimeException {
    private final String source;
    private final String path;
    private final String detail;

    /**
     * @param source the file (or other source) the configuration came from
     * @param path   where in the document, such as {@code layers[1].units}; empty for the root
     * @param detail what is wrong and what is accepted
     */
    public ConfigException(String source, String path, String detail) {
        super(source + (path.isEmpty() ? "" : ": " + path) + ": " + detail);
        this.source = source;
        this.path = path;
        this.detail = detail;
    }

    /** The file or source name. */
    public String source() {
        return source;
    }

    /** The path inside the document; empty for the document itself. */
    public String path() {
        return path;
    }

    /** The message without file and path. */
    public String detail() {
        return detail;
    }
}
