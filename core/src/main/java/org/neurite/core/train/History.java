package org.neurite.core.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each epoch logged: {@code loss}, each metric, and their {@code val_} counterparts, as
 * Keras's {@code History.history}. Appending keeps the keys in first-seen order.
 */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private int epochs;

    /** Records one epoch's logs. */
    public void append(Map<String, Double> logs) {
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            List<Double> list = values.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            while (list.size() < epochs) {
                list.add(Double.NaN);
            }
            list.add(e.getValue());
        }
        epochs++;
    }

    /** Number of epochs recorded. */
    public int epochs() {
        return epochs;
    }

    /** The values of {@code key} per epoch (empty if never logged). */
    public List<Double> get(String key) {
        return Collections.unmodifiableList(values.getOrDefault(key, List.of()));
    }

    /** The last value of {@code key}, or NaN. */
    public double last(String key) {
        List<Double> list = values.get(key);
        return list == null || list.isEmpty() ? Double.NaN : list.get(list.size() - 1);
    }

    /** Every key with its per-epoch values. */
    public Map<String, List<Double>> asMap() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "History" + values.keySet() + " over " + epochs + " epochs";
    }
}
