package org.neurite.testkit;

import static org.neurite.testkit.ActivationContractTest.failure;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Loss;
import org.neurite.core.tensor.Matrix;

/** The loss contract passes correct losses and catches each kind of bug. */
class LossContractTest {

    @Nested
    class MeanSquaredErrorPassesTheContract extends LossContract {
        @Override
        protected Loss loss() {
            return new MeanSquaredError();
        }
    }

    @Nested
    class CrossentropyFusedWithSoftmaxPassesTheContract extends LossContract {
        @Override
        protected Loss loss() {
            return new ReferenceCrossentropy();
        }

        @Override
        protected Matrix predictions(RandomGenerator random, int rows, int cols) {
            return normaliseRows(super.predictions(random, rows, cols));
        }

        @Override
        protected Optional<Activation> fusionPartner() {
            return Optional.of(new ReferenceSoftmax());
        }
    }

    @Test
    void aSummedLossFailsTheMeanCheck() {
        Loss summed = new MeanSquaredError() {
            @Override
            double divisor(int rows) {
                return 1;
            }

            @Override
            double gradientDivisor(int rows) {
                return 1;
            }
        };
        String message = failure(() -> contract(summed).lossIsTheMeanOverTheBatch());
        assertTrue(message.contains("must be the mean over the samples, not the sum"), message);
        failure(() -> contract(summed).gradientCarriesTheOneOverNFactor());
    }

    @Test
    void aGradientWithoutTheOneOverNFactorIsCaught() {
        Loss missingFactor = new MeanSquaredError() {
            @Override
            double gradientDivisor(int rows) {
                return 1;
            }
        };
        String message = failure(() -> contract(missingFactor).gradientCarriesTheOneOverNFactor());
        assertTrue(message.contains("carrying 1/N"), message);
        message = failure(() -> contract(missingFactor).gradientMatchesFiniteDifferences());
        assertTrue(message.startsWith("Gradient check of loss 'mean_squared_error'"), message);
    }

    @Test
    void aWrongFusedGradientIsCaught() {
        Loss wrongFused = new ReferenceCrossentropy() {
            @Override
            public Optional<Loss> fusedWith(Activation outputActivation) {
                return Optional.of(new FusedWithSoftmax() {
                    @Override
                    double scale(int n) {
                        return 1;
                    }
                });
            }
        };
        String message = failure(() -> fusedContract(wrongFused)
                .fusedGradientMatchesFiniteDifferencesWithRespectToLogits());
        assertTrue(message.contains("the fused loss of loss 'categorical_crossentropy'"), message);
    }

    @Test
    void aMissingFusedLossIsCaughtWhenAPartnerIsNamed() {
        Loss unfusable = new ReferenceCrossentropy() {
            @Override
            public Optional<Loss> fusedWith(Activation outputActivation) {
                return Optional.empty();
            }
        };
        String message = failure(() -> fusedContract(unfusable)
                .fusedLossEqualsTheLossOfTheActivatedLogits());
        assertTrue(message.contains("offers no fused loss for activation 'softmax'"), message);
    }

    @Test
    void aFusedLossOfAnotherFunctionIsCaught() {
        Loss mismatched = new ReferenceCrossentropy() {
            @Override
            public Optional<Loss> fusedWith(Activation outputActivation) {
                return Optional.of(new MeanSquaredError());
            }
        };
        String message = failure(() -> fusedContract(mismatched)
                .fusedLossEqualsTheLossOfTheActivatedLogits());
        assertTrue(message.contains("differs from the loss of softmax(logits)"), message);
    }

    private static LossContract contract(Loss loss) {
        return new LossContract() {
            @Override
            protected Loss loss() {
                return loss;
            }
        };
    }

    private static LossContract fusedContract(Loss loss) {
        return new LossContract() {
            @Override
            protected Loss loss() {
                return loss;
            }

            @Override
            protected Matrix predictions(RandomGenerator random, int rows, int cols) {
                return normaliseRows(super.predictions(random, rows, cols));
            }

            @Override
            protected Optional<Activation> fusionPartner() {
                return Optional.of(new ReferenceSoftmax());
            }
        };
    }
}
