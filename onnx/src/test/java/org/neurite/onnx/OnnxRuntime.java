package org.neurite.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;
import org.neurite.core.tensor.Matrix;

/** Runs an ONNX model in ONNX Runtime, one thread, for comparing with Neurite. */
final class OnnxRuntime implements AutoCloseable {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    OnnxRuntime(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = ENV.createSession(model, options);
        }
    }

    /** The model's first output for {@code x} (n×k floats). */
    Matrix run(Matrix x) throws OrtException {
        float[][] rows = new float[x.rows()][];
        for (int i = 0; i < x.rows(); i++) {
            rows[i] = java.util.Arrays.copyOfRange(x.data(), i * x.cols(), (i + 1) * x.cols());
        }
        String input = session.getInputNames().iterator().next();
        try (OnnxTensor t = OnnxTensor.createTensor(ENV, rows);
             OrtSession.Result result = session.run(Map.of(input, t))) {
            float[][] y = (float[][]) result.get(0).getValue();
            return Matrix.of(y);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
