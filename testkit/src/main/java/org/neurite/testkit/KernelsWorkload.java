package org.neurite.testkit;

import java.util.List;
import org.neurite.core.tensor.Kernels;
import org.neurite.core.tensor.Matrix;

/**
 * One call of every kernel on fixed operands, with outputs of its own: the unit of work of
 * {@link KernelsContract}'s concurrency and allocation checks. The products are 96×200·200×120
 * (2.3 million multiply-adds, so kernels that split large products split them).
 */
final class KernelsWorkload {
    private final Matrix a = ProductReference.random(96, 200, 1);
    private final Matrix b = ProductReference.random(200, 120, 2);
    private final Matrix bt = ProductReference.random(120, 200, 3);
    private final Matrix at = ProductReference.random(200, 96, 4);
    private final Matrix bias = ProductReference.random(1, 120, 5);
    private final Matrix ab = new Matrix(96, 120);
    private final Matrix atb = new Matrix(96, 120);
    private final Matrix abt = new Matrix(96, 120);
    private final Matrix sums = new Matrix(1, 120);

    /** Every output is overwritten, so repeated runs give the same results. */
    void run(Kernels kernels) {
        kernels.multiply(a, b, ab);
        kernels.addRowVector(ab, bias);
        kernels.multiplyTransposeA(at, b, atb);
        kernels.multiplyTransposeB(a, bt, abt);
        kernels.sumRows(abt, sums);
        if (!kernels.isFinite(abt)) {
            throw new AssertionError(kernels + ": a product of finite inputs is not finite");
        }
    }

    /** The outputs of the last run. */
    List<Matrix> results() {
        return List.of(ab, atb, abt, sums);
    }
}
