package org.neurite.testkit;

import static org.neurite.testkit.ActivationContractTest.failure;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/** The optimizer contract passes a correct optimizer and catches each kind of bug. */
class OptimizerContractTest {

    @Nested
    class MomentumSgdPassesTheContract extends OptimizerContract {
        @Override
        protected Optimizer optimizer() {
            return new MomentumSgd();
        }
    }

    @Test
    void gradientAscentIsCaught() {
        Optimizer ascent = new MomentumSgd(-0.01, 0.0, 0.0);
        String message = failure(() -> contract(ascent).stepsOnAQuadraticMoveDownhill());
        assertTrue(message.contains("must move downhill"), message);
    }

    @Test
    void velocityKeptInTheSharedInstanceIsCaught() {
        String message = failure(() -> contract(new SharedVelocitySgd())
                .updatersStartedFromOneInstanceEvolveIndependently());
        assertTrue(message.contains("keep every changing value"), message);
    }

    @Test
    void anUncountedStepIsCaught() {
        Optimizer uncounted = new MomentumSgd() {
            @Override
            public Updater start(List<Parameter> parameters) {
                Updater inner = super.start(parameters);
                return new Forwarding(inner) {
                    @Override
                    public void step() {
                        long n = inner.iterations();
                        inner.step();
                        inner.setIterations(n);
                    }
                };
            }
        };
        String message = failure(() -> contract(uncounted).iterationsCountStepsAndCanBeSet());
        assertTrue(message.contains("iterations() after 3 steps"), message);
    }

    @Test
    void stateReturnedAsCopiesFailsTheResumeCheck() {
        Optimizer copying = new MomentumSgd() {
            @Override
            public Updater start(List<Parameter> parameters) {
                return new Forwarding(super.start(parameters)) {
                    @Override
                    public Map<String, Matrix> state() {
                        Map<String, Matrix> copies = new LinkedHashMap<>();
                        super.state().forEach((k, v) -> copies.put(k, v.copy()));
                        return copies;
                    }
                };
            }
        };
        String message = failure(() -> contract(copying).resumingFromSavedStateGivesBitIdenticalResults());
        assertTrue(message.contains("state() must return the live matrices"), message);
    }

    @Test
    void ignoringTheRestoredStepCountFailsTheResumeCheck() {
        Optimizer forgetful = new MomentumSgd() {
            @Override
            public Updater start(List<Parameter> parameters) {
                return new Forwarding(super.start(parameters)) {
                    @Override
                    public void setIterations(long iterations) {
                    }
                };
            }
        };
        failure(() -> contract(forgetful).resumingFromSavedStateGivesBitIdenticalResults());
    }

    @Test
    void stateCreatedLazilyIsCaught() {
        Optimizer lazy = new MomentumSgd() {
            @Override
            public Updater start(List<Parameter> parameters) {
                return new Forwarding(super.start(parameters)) {
                    @Override
                    public Map<String, Matrix> state() {
                        return iterations() == 0 ? Map.of() : super.state();
                    }
                };
            }
        };
        String message = failure(() -> contract(lazy).stateHasStableKeysInAStableOrderWithParameterShapes());
        assertTrue(message.contains("create every per-parameter state in start()"), message);
    }

    private static OptimizerContract contract(Optimizer optimizer) {
        return new OptimizerContract() {
            @Override
            protected Optimizer optimizer() {
                return optimizer;
            }
        };
    }

    /** A bug: velocities live in the optimizer, keyed by parameter name, shared by every run. */
    static class SharedVelocitySgd extends MomentumSgd {
        private final Map<String, float[]> velocities = new HashMap<>();

        @Override
        public Updater start(List<Parameter> parameters) {
            return new Forwarding(super.start(parameters)) {
                @Override
                public void step() {
                    for (Parameter p : parameters) {
                        float[] v = velocities.computeIfAbsent(p.name(), k -> new float[p.value().size()]);
                        float[] w = p.value().data();
                        float[] g = p.gradient().data();
                        for (int i = 0; i < w.length; i++) {
                            v[i] = 0.9f * v[i] - 0.01f * g[i];
                            w[i] += v[i];
                        }
                    }
                    setIterations(iterations() + 1);
                }
            };
        }
    }

    /** An updater that forwards to another; bug fixtures override one method. */
    static class Forwarding implements Optimizer.Updater {
        private final Optimizer.Updater inner;

        Forwarding(Optimizer.Updater inner) {
            this.inner = inner;
        }

        @Override
        public void step() {
            inner.step();
        }

        @Override
        public long iterations() {
            return inner.iterations();
        }

        @Override
        public void setIterations(long iterations) {
            inner.setIterations(iterations);
        }

        @Override
        public Map<String, Matrix> state() {
            return inner.state();
        }
    }
}
