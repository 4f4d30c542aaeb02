package org.neurite.losses;

import java.util.Optional;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Loss;
import org.neurite.testkit.LossContract;

/** The plugin contract, fused with sigmoid. */
class BinaryCrossentropyContractTest extends LossContract {
    @Override
    protected Loss loss() {
        return new BinaryCrossentropy();
    }

    @Override
    protected Optional<Activation> fusionPartner() {
        return Optional.of(new ReferenceSigmoid());
    }
}
