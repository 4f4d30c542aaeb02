package org.neurite.core.tensor;

/**
 * Plain-Java kernels that run on every JVM. Loops keep the innermost index running over
 * contiguous memory so the JIT can vectorize them.
 */
final class PortableKernels implements Kernels {
    static final PortableKernels INSTANCE = new PortableKernels();

    @Override
    public String name() {
        return "portable";
    }

    @Override
    public void multiply(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiply(a, b, c);
        int m = a.rows();
        int k = a.cols();
        int n = b.cols();
        float[] ad = a.data();
        float[] bd = b.data();
        float[] cd = c.data();
        java.util.Arrays.fill(cd, 0f);
        for (int i = 0; i < m; i++) {
            int co = i * n;
            for (int p = 0; p < k; p++) {
                float av = ad[i * k + p];
                int bo = p * n;
                for (int j = 0; j < n; j++) {
                    cd[co + j] += av * bd[bo + j];
                }
            }
        }
    }

    @Override
    public void multiplyTransposeA(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiplyTransposeA(a, b, c);
        int k = a.rows();
        int m = a.cols();
        int n = b.cols();
        float[] ad = a.data();
        float[] bd = b.data();
        float[] cd = c.data();
        java.util.Arrays.fill(cd, 0f);
        for (int p = 0; p < k; p++) {
            int bo = p * n;
            for (int i = 0; i < m; i++) {
                float av = ad[p * m + i];
                int co = i * n;
                for (int j = 0; j < n; j++) {
                    cd[co + j] += av * bd[bo + j];
                }
            }
        }
    }

    @Override
    public void multiplyTransposeB(Matrix a, Matrix b, Matrix c) {
        Kernels.checkMultiplyTransposeB(a, b, c);
        int m = a.rows();
        int k = a.cols();
        int n = b.rows();
        float[] ad = a.data();
        float[] bd = b.data();
        float[] cd = c.data();
        for (int i = 0; i < m; i++) {
            int ao = i * k;
            for (int j = 0; j < n; j++) {
                int bo = j * k;
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += ad[ao + p] * bd[bo + p];
                }
                cd[i * n + j] = s;
            }
        }
    }
}
