package org.neurite.cli;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neurite.core.train.History;

/** PNG learning curves: one chart per logged figure, with its {@code val_} twin on the same axes. */
final class Charts {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private Charts() {
    }

    /**
     * Writes {@code <name>.png} into {@code dir} (created if needed) for every figure of
     * {@code history} that does not start with {@code val_}.
     *
     * @return the files written
     */
    static List<Path> write(Path dir, History history) {
        System.setProperty("java.awt.headless", "true");
        try {
            Files.createDirectories(dir);
            List<Path> written = new ArrayList<>();
            Map<String, List<Double>> all = history.asMap();
            for (Map.Entry<String, List<Double>> e : all.entrySet()) {
                if (e.getKey().startsWith("val_")) {
                    continue;
                }
                XYSeriesCollection series = new XYSeriesCollection(series(e.getKey(), e.getValue()));
                List<Double> validation = all.get("val_" + e.getKey());
                if (validation != null) {
                    series.addSeries(series("val_" + e.getKey(), validation));
                }
                JFreeChart chart = ChartFactory.createXYLineChart(e.getKey() + " per epoch", "epoch", e.getKey(),
                        series, PlotOrientation.VERTICAL, true, false, false);
                chart.getXYPlot().setBackgroundPaint(Color.WHITE);
                chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
                chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
                Path file = dir.resolve(e.getKey() + ".png");
                ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
                written.add(file);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the charts to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static XYSeries series(String name, List<Double> values) {
        XYSeries s = new XYSeries(name);
        for (int i = 0; i < values.size(); i++) {
            s.add(i + 1, values.get(i));
        }
        return s;
    }
}
