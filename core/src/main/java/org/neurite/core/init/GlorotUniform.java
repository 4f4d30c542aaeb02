package org.neurite.core.init;

/** {@code glorot_uniform}: Glorot (Xavier) uniform: U(−l, l) with l = sqrt(6 / (fan_in + fan_out)); Keras's default kernel initializer. */
public final class GlorotUniform extends VarianceScaling {
    public GlorotUniform() {
        super(1.0, Mode.FAN_AVG, true);
    }

    @Override
    public String name() {
        return "glorot_uniform";
    }
}
