package org.neurite.core.init;

/** {@code he_normal}: He normal: truncated normal with stddev sqrt(2 / fan_in); suits ReLU layers. */
public final class HeNormal extends VarianceScaling {
    public HeNormal() {
        super(2.0, Mode.FAN_IN, false);
    }

    @Override
    public String name() {
        return "he_normal";
    }
}
