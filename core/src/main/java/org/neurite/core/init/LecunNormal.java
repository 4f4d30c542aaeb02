package org.neurite.core.init;

/** {@code lecun_normal}: LeCun normal: truncated normal with stddev sqrt(1 / fan_in); suits SELU layers. */
public final class LecunNormal extends VarianceScaling {
    public LecunNormal() {
        super(1.0, Mode.FAN_IN, false);
    }

    @Override
    public String name() {
        return "lecun_normal";
    }
}
