package org.neurite.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.neurite.onnx.proto.OnnxProto.ModelProto;
import org.neurite.onnx.proto.OnnxProto.TensorProto;

/** Bounded reading of ONNX files and their tensors: every claimed size is checked before allocating. */
final class OnnxFiles {
    /** The largest file read: 1 GiB (protobuf itself stops at 2 GiB). */
    static final long MAX_FILE_BYTES = 1L << 30;
    /** The most values in one tensor: one Java array. */
    static final long MAX_TENSOR_VALUES = Integer.MAX_VALUE - 8;
    private static final int RECURSION_LIMIT = 64;

    private OnnxFiles() {
    }

    /** A tensor's dimensions and its values as floats. */
    record Tensor(long[] dims, float[] values) {
        int rank() {
            return dims.length;
        }
    }

    static ModelProto read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new OnnxFormatException(file, Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? "not a regular file" : "no such file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new OnnxFormatException(file, "the file has " + size + " bytes; ONNX files of up to "
                        + MAX_FILE_BYTES + " bytes are read (weights in external data files are not supported)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                // Never more than the limit, even if the file grows while it is read.
                bytes = in.readNBytes((int) Math.min(size, MAX_FILE_BYTES) + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new OnnxFormatException(file, "the file grew past " + MAX_FILE_BYTES + " bytes while it was read");
        }
        return parse(file, bytes);
    }

    static ModelProto parse(Path file, byte[] bytes) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setRecursionLimit(RECURSION_LIMIT);
            in.setSizeLimit(bytes.length);
            ModelProto model = ModelProto.parseFrom(in);
            in.checkLastTagWas(0);
            if (!model.hasGraph()) {
                throw new OnnxFormatException(file, "not an ONNX model: it has no graph (" + bytes.length + " bytes)");
            }
            return model;
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxFormatException(file, "not a valid ONNX model (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of a float or double tensor, after checking that its dimensions match its data. */
    static Tensor tensor(Path file, TensorProto t) {
        String name = t.getName().isEmpty() ? "(unnamed)" : t.getName();
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            throw new OnnxFormatException(file, "the tensor " + name + " keeps its values in an external file; "
                    + "save the model with its weights inside (onnx.save(model, path, save_as_external_data=False))");
        }
        long[] dims = new long[t.getDimsCount()];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = t.getDims(i);
            if (dims[i] < 0) {
                throw new OnnxFormatException(file, "the tensor " + name + " has a negative dimension " + dims[i]);
            }
            try {
                count = Math.multiplyExact(count, dims[i]);
            } catch (ArithmeticException e) {
                count = Long.MAX_VALUE;
            }
            if (count > MAX_TENSOR_VALUES) {
                throw new OnnxFormatException(file, "the tensor " + name + " claims more than " + MAX_TENSOR_VALUES
                        + " values; one tensor holds at most one Java array");
            }
        }
        int n = (int) count;
        int type = t.getDataType();
        ByteString raw = t.getRawData();
        if (type == TensorProto.DataType.FLOAT_VALUE) {
            if (!raw.isEmpty()) {
                requireLength(file, name, raw.size(), (long) n * Float.BYTES, dims);
                float[] v = new float[n];
                raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                return new Tensor(dims, v);
            }
            requireLength(file, name, t.getFloatDataCount(), n, dims);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = t.getFloatData(i);
            }
            return new Tensor(dims, v);
        }
        if (type == TensorProto.DataType.DOUBLE_VALUE) {
            float[] v;
            if (!raw.isEmpty()) {
                requireLength(file, name, raw.size(), (long) n * Double.BYTES, dims);
                ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) b.getDouble();
                }
            } else {
                requireLength(file, name, t.getDoubleDataCount(), n, dims);
                v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) t.getDoubleData(i);
                }
            }
            return new Tensor(dims, v);
        }
        if (type == TensorProto.DataType.INT64_VALUE && n <= 16) {
            // Small integer constants (a Clip bound, a Dropout flag): read as floats.
            float[] v = new float[n];
            if (!raw.isEmpty()) {
                requireLength(file, name, raw.size(), (long) n * Long.BYTES, dims);
                ByteBuffer b = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    v[i] = b.getLong();
                }
            } else {
                requireLength(file, name, t.getInt64DataCount(), n, dims);
                for (int i = 0; i < n; i++) {
                    v[i] = t.getInt64Data(i);
                }
            }
            return new Tensor(dims, v);
        }
        if (type == TensorProto.DataType.BOOL_VALUE && n <= 16) {
            float[] v = new float[n];
            if (!raw.isEmpty()) {
                requireLength(file, name, raw.size(), n, dims);
                for (int i = 0; i < n; i++) {
                    v[i] = raw.byteAt(i);
                }
            } else {
                requireLength(file, name, t.getInt32DataCount(), n, dims);
                for (int i = 0; i < n; i++) {
                    v[i] = t.getInt32Data(i);
                }
            }
            return new Tensor(dims, v);
        }
        throw new OnnxFormatException(file, "the tensor " + name + " is of ONNX data type " + type
                + "; float (1) and double (11) tensors are imported");
    }

    private static void requireLength(Path file, String name, long actual, long expected, long[] dims) {
        if (actual != expected) {
            throw new OnnxFormatException(file, "the tensor " + name + " has dimensions "
                    + java.util.Arrays.toString(dims) + ", which need " + expected + " bytes or values of data, but it holds "
                    + actual);
        }
    }
}
