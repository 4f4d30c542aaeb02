package org.neurite.integration;

import org.neurite.core.plugin.Plugins;
import org.neurite.core.spi.Activation;
import org.neurite.testkit.ActivationContract;

/** The plugin test kit, run on the stranger's activation as its author would. */
class StrangerActivationContractTest extends ActivationContract {
    private static final Activation CUBE = Plugins.discover(StrangerJar.loader()).activations().get(StrangerJar.NAME);

    @Override
    protected Activation activation() {
        return CUBE;
    }
}
