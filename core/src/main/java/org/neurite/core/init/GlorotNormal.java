package org.neurite.core.init;

/** {@code glorot_normal}: Glorot (Xavier) normal: truncated normal with stddev sqrt(2 / (fan_in + fan_out)). */
public final class GlorotNormal extends VarianceScaling {
    public GlorotNormal() {
        super(1.0, Mode.FAN_AVG, false);
    }

    @Override
    public String name() {
        return "glorot_normal";
    }
}
