package org.neurite.core.init;

/** {@code he_uniform}: He uniform: U(−l, l) with l = sqrt(6 / fan_in); suits ReLU layers. */
public final class HeUniform extends VarianceScaling {
    public HeUniform() {
        super(2.0, Mode.FAN_IN, true);
    }

    @Override
    public String name() {
        return "he_uniform";
    }
}
