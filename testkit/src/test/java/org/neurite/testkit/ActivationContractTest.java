package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Hyperparameter;
import org.neurite.core.spi.Hyperparameters;
import org.neurite.core.tensor.Matrix;
import org.opentest4j.AssertionFailedError;

/** The activation contract passes correct activations and catches each kind of bug. */
class ActivationContractTest {

    @Nested
    class ScaledTanhPassesTheContract extends ActivationContract {
        @Override
        protected Activation activation() {
            return new ScaledTanh();
        }
    }

    @Nested
    class RowWiseSoftmaxPassesTheContract extends ActivationContract {
        @Override
        protected Activation activation() {
            return new ReferenceSoftmax();
        }
    }

    @Nested
    class ReluWithItsKinkDeclaredPassesTheContract extends ActivationContract {
        @Override
        protected Activation activation() {
            return new Relu();
        }

        @Override
        protected boolean isDifferentiableAt(double z) {
            return z != 0;
        }
    }

    @Test
    void aWrongDerivativeFailsTheGradientCheck() {
        Activation wrong = new ScaledTanh() {
            @Override
            public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
                for (int i = 0; i < z.size(); i++) {
                    gradZ.data()[i] = gradA.data()[i] * (1 - a.data()[i]); // should be 1 − a²
                }
            }
        };
        String message = failure(() -> contract(wrong).gradientMatchesFiniteDifferences());
        assertTrue(message.startsWith("Gradient check of activation 'scaled_tanh'"), message);
        assertTrue(message.contains("analytic") && message.contains("numeric"), message);
    }

    @Test
    void aBackwardThatSkipsTheLastElementIsCaught() {
        Activation partial = new ScaledTanh() {
            @Override
            public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
                float last = gradZ.data()[gradZ.size() - 1];
                super.backward(z, a, gradA, gradZ);
                gradZ.data()[gradZ.size() - 1] = last;
            }
        };
        String message = failure(() -> contract(partial).backwardWritesEveryElementOfGradZ());
        assertTrue(message.contains("pre-filled with NaN"), message);
    }

    @Test
    void aForwardThatModifiesItsInputIsCaught() {
        Activation inPlace = new ScaledTanh() {
            @Override
            public void forward(Matrix z, Matrix a) {
                super.forward(z, a);
                z.copyFrom(a);
            }
        };
        String message = failure(() -> contract(inPlace).forwardAndBackwardDoNotModifyTheirInputs());
        assertTrue(message.contains("forward modified its input z"), message);
    }

    @Test
    void aCamelCaseNameIsCaught() {
        Activation camel = new ScaledTanh() {
            @Override
            public String name() {
                return "scaledTanh";
            }
        };
        String message = failure(() -> contract(camel).nameIsNonBlankLowerSnakeCaseAndStable());
        assertTrue(message.contains("'scaledTanh', which is not lower_snake_case"), message);
    }

    @Test
    void aConfigureThatMutatesTheSharedInstanceIsCaught() {
        String message = failure(() -> contract(new MutableScaledTanh())
                .configureGivesANewInstanceAndLeavesTheSharedOneUnchanged());
        assertTrue(message.contains("configure"), message);
    }

    @Test
    void hiddenStateIsCaughtAsNondeterminism() {
        Activation counting = new ScaledTanh() {
            private int calls;

            @Override
            public void forward(Matrix z, Matrix a) {
                super.forward(z, a);
                a.data()[0] += 1e-3f * calls++;
            }
        };
        String message = failure(() -> contract(counting).sameInputsGiveBitIdenticalResults());
        assertTrue(message.contains("is not deterministic"), message);
    }

    @Test
    void kinksAreAvoidedOnlyWhereDeclared() {
        Activation relu = new Relu();
        ActivationContract undeclared = contract(relu);
        ActivationContract declared = new ActivationContract() {
            @Override
            protected Activation activation() {
                return relu;
            }

            @Override
            protected boolean isDifferentiableAt(double z) {
                return z != 0;
            }
        };
        Matrix samples = declared.preActivations(new java.util.SplittableRandom(1), 100, 100);
        for (float z : samples.data()) {
            assertTrue(Math.abs(z) > 1e-2, "sample " + z + " is within 1e-2 of relu's kink");
        }
        Matrix nearKink = undeclared.preActivations(new java.util.SplittableRandom(1), 100, 100);
        boolean anyNear = false;
        for (float z : nearKink.data()) {
            anyNear |= Math.abs(z) <= 1e-2;
        }
        assertTrue(anyNear, "without a declared kink, samples should cover the whole range");
        assertFalse(GradientCheck.activation(relu, Matrix.of(new float[][] {{0.003f}}),
                Matrix.of(new float[][] {{1f}}), 1e-2, v -> true).passed());
    }

    static ActivationContract contract(Activation activation) {
        return new ActivationContract() {
            @Override
            protected Activation activation() {
                return activation;
            }
        };
    }

    static String failure(Executable check) {
        return assertThrows(AssertionFailedError.class, check,
                "the contract should have failed").getMessage();
    }

    /** relu with derivative 0 at 0. */
    static class Relu implements Activation {
        @Override
        public String name() {
            return "relu";
        }

        @Override
        public void forward(Matrix z, Matrix a) {
            for (int i = 0; i < z.size(); i++) {
                a.data()[i] = Math.max(z.data()[i], 0f);
            }
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
            for (int i = 0; i < z.size(); i++) {
                gradZ.data()[i] = z.data()[i] > 0 ? gradA.data()[i] : 0f;
            }
        }
    }

    /** A bug: configure changes the shared instance instead of returning a new one. */
    static class MutableScaledTanh implements Activation {
        private double scale = 1.0;

        @Override
        public String name() {
            return "scaled_tanh";
        }

        @Override
        public List<Hyperparameter> hyperparameters() {
            return ScaledTanh.DECLARED;
        }

        @Override
        public Activation configure(Hyperparameters values) {
            scale = values.number("scale");
            return this;
        }

        @Override
        public void forward(Matrix z, Matrix a) {
            new ScaledTanh(scale).forward(z, a);
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
            new ScaledTanh(scale).backward(z, a, gradA, gradZ);
        }
    }
}
