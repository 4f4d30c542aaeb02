package org.neurite.guice;

import java.util.List;
import java.util.Map;
import org.neurite.core.spi.Optimizer;
import org.neurite.core.tensor.Matrix;
import org.neurite.core.tensor.Parameter;

/** A test optimizer, discovered through META-INF/services: counts steps, moves nothing. */
public final class Frozen implements Optimizer {
    @Override
    public String name() {
        return "test_frozen";
    }

    @Override
    public Updater start(List<Parameter> parameters) {
        return new Updater() {
            private long steps;

            @Override
            public void step() {
                steps++;
            }

            @Override
            public long iterations() {
                return steps;
            }

            @Override
            public void setIterations(long iterations) {
                steps = iterations;
            }

            @Override
            public Map<String, Matrix> state() {
                return Map.of();
            }
        };
    }
}
