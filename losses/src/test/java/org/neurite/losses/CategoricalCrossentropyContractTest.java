package org.neurite.losses;

import java.util.Optional;
import org.neurite.core.spi.Activation;
import org.neurite.core.spi.Loss;
import org.neurite.testkit.LossContract;

/** The plugin contract, on unnormalised rows (which exercise the row normalisation) and fused with softmax. */
class CategoricalCrossentropyContractTest extends LossContract {
    @Override
    protected Loss loss() {
        return new CategoricalCrossentropy();
    }

    @Override
    protected Optional<Activation> fusionPartner() {
        return Optional.of(new ReferenceSoftmax());
    }
}
