package org.neurite.onnx;

import java.nio.file.Path;

/**
 * An ONNX file that cannot be read: not a file, too large, not a valid ONNX protobuf, or a
 * tensor whose claimed size does not match what it holds. Nothing is imported.
 */
public final class OnnxFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public OnnxFormatException(Path file, String detail) {
        super(file + ": " + detail);
        this.file = file;
    }

    public OnnxFormatException(Path file, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
        this.file = file;
    }

    /** The file. */
    public Path file() {
        return file;
    }
}
