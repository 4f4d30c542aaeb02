package org.neurite.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Metric;
import org.neurite.core.spi.MetricType;
import org.neurite.core.tensor.Matrix;

/** Each check of {@link MetricContract} catches the broken metric it is meant to catch. */
class MetricContractTest {

    /** Categorical accuracy written right, as the base of the broken ones. */
    static class Accuracy implements MetricType {
        @Override
        public String name() {
            return "test_accuracy";
        }

        @Override
        public boolean higherIsBetter() {
            return true;
        }

        @Override
        public boolean isSampleMean() {
            return true;
        }

        @Override
        public Metric start(int outputColumns, int targetColumns) {
            return new Metric() {
                double hits;
                double weight;

                @Override
                public void update(Matrix p, Matrix t, Matrix w) {
                    for (int r = 0; r < p.rows(); r++) {
                        double wr = w == null ? 1 : w.get(r, 0);
                        hits += wr * (p.argmaxRow(r) == t.argmaxRow(r) ? 1 : 0);
                        weight += wr;
                    }
                }

                @Override
                public double result() {
                    return hits / weight;
                }
            };
        }
    }

    /** Reports the last batch only. */
    static final class LastBatchOnly extends Accuracy {
        @Override
        public Metric start(int outputColumns, int targetColumns) {
            Metric real = super.start(outputColumns, targetColumns);
            return new Metric() {
                Metric current = real;

                @Override
                public void update(Matrix p, Matrix t, Matrix w) {
                    current = LastBatchOnly.super.start(outputColumns, targetColumns);
                    current.update(p, t, w);
                }

                @Override
                public double result() {
                    return current.result();
                }
            };
        }
    }

    /** Ignores the sample weights. */
    static final class IgnoresWeights extends Accuracy {
        @Override
        public Metric start(int outputColumns, int targetColumns) {
            Metric real = super.start(outputColumns, targetColumns);
            return new Metric() {
                @Override
                public void update(Matrix p, Matrix t, Matrix w) {
                    real.update(p, t, null);
                }

                @Override
                public double result() {
                    return real.result();
                }
            };
        }
    }

    /** Claims to be a sample mean, but its value over parts does not combine as a weighted mean. */
    static final class FalseSampleMean extends Accuracy {
        @Override
        public Metric start(int outputColumns, int targetColumns) {
            return new Metric() {
                double hits;
                double weight;

                @Override
                public void update(Matrix p, Matrix t, Matrix w) {
                    for (int r = 0; r < p.rows(); r++) {
                        double wr = w == null ? 1 : w.get(r, 0);
                        hits += wr * (p.argmaxRow(r) == t.argmaxRow(r) ? 1 : 0);
                        weight += wr;
                    }
                }

                @Override
                public double result() {
                    return hits / Math.sqrt(weight);
                }
            };
        }
    }

    static class Contract extends MetricContract {
        private final MetricType metric;

        Contract(MetricType metric) {
            this.metric = metric;
        }

        @Override
        protected MetricType metric() {
            return metric;
        }
    }

    @Test
    void aCorrectMetricPassesEveryCheck() {
        Contract c = new Contract(new Accuracy());
        c.aBatchAddedInPartsGivesTheValueOfTheWholeBatch();
        c.sampleWeightsCountRows();
        c.aSampleMeanCombinesOverPartsAsTheirWeightedMean();
        c.updateLeavesItsInputsAndOtherAccumulatorsAlone();
        c.finiteInputsGiveAFiniteValue();
        c.nameIsNonBlankLowerSnakeCaseAndStable();
    }

    @Test
    void aMetricThatReportsTheLastBatchIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> new Contract(new LastBatchOnly()).aBatchAddedInPartsGivesTheValueOfTheWholeBatch());
        assertTrue(e.getMessage().contains("not the last batch's"), e.getMessage());
    }

    @Test
    void aMetricThatIgnoresWeightsIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> new Contract(new IgnoresWeights()).sampleWeightsCountRows());
        assertTrue(e.getMessage().contains("a weight of 2 on a row"), e.getMessage());
    }

    @Test
    void aFalseClaimOfBeingASampleMeanIsCaught() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> new Contract(new FalseSampleMean()).aSampleMeanCombinesOverPartsAsTheirWeightedMean());
        assertTrue(e.getMessage().contains("declares isSampleMean()"), e.getMessage());
    }
}
