package org.neurite.examples.fashion;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neurite.core.model.Model;
import org.neurite.core.train.ClassificationReport;

/** PNG charts of a training run, drawn with JFreeChart. */
final class Plots {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private Plots() {
    }

    /**
     * Writes one learning-curve chart per logged quantity ({@code loss.png}, {@code accuracy.png},
     * each with its {@code val_} curve, labelled with {@code validationName}) and
     * {@code confusion-matrix.png} into {@code dir}, creating it if needed.
     *
     * @return the files written
     */
    static List<Path> write(Path dir, Model model, ClassificationReport report, String validationName) {
        try {
            Files.createDirectories(dir);
            List<Path> written = new ArrayList<>();
            Map<String, List<Double>> history = model.history().asMap();
            for (Map.Entry<String, List<Double>> e : history.entrySet()) {
                if (e.getKey().startsWith("val_")) {
                    continue;
                }
                Map<String, List<Double>> curves = new LinkedHashMap<>();
                curves.put(e.getKey(), e.getValue());
                List<Double> validation = history.get("val_" + e.getKey());
                if (validation != null) {
                    curves.put("val_" + e.getKey(), validation);
                }
                Path file = dir.resolve(e.getKey() + ".png");
                ChartUtils.saveChartAsPNG(file.toFile(), curves(e.getKey(), curves, validationName), WIDTH, HEIGHT);
                written.add(file);
            }
            Path confusion = dir.resolve("confusion-matrix.png");
            ChartUtils.saveChartAsPNG(confusion.toFile(), confusionMatrix(report), 900, 800);
            written.add(confusion);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plots to " + dir + ": " + e.getMessage(), e);
        }
    }

    static JFreeChart curves(String name, Map<String, List<Double>> curves, String validationName) {
        XYSeriesCollection series = new XYSeriesCollection();
        curves.forEach((key, values) -> {
            XYSeries s = new XYSeries(key.startsWith("val_") ? key + " (" + validationName + ")" : key);
            for (int i = 0; i < values.size(); i++) {
                s.add(i + 1, values.get(i));
            }
            series.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(name + " per epoch", "epoch", name, series,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    /** Cells shaded by the fraction of the actual class (row) predicted as each column, with counts. */
    static JFreeChart confusionMatrix(ClassificationReport report) {
        int k = report.classes();
        List<String> names = Reports.names(report);
        String[] labels = new String[k];
        for (int c = 0; c < k; c++) {
            labels[c] = names.isEmpty() ? "class " + c : names.get(c);
        }
        double[][] xyz = new double[3][k * k];
        for (int a = 0; a < k; a++) {
            long support = report.support(a);
            for (int p = 0; p < k; p++) {
                int i = a * k + p;
                xyz[0][i] = p;
                xyz[1][i] = a;
                xyz[2][i] = support == 0 ? 0 : (double) report.count(a, p) / support;
            }
        }
        DefaultXYZDataset cells = new DefaultXYZDataset();
        cells.addSeries("fraction of the actual class", xyz);
        XYBlockRenderer blocks = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, 1.0000001, Color.WHITE);
        for (int s = 0; s <= 20; s++) {
            float v = s / 20f;
            scale.add(v, new Color(1 - 0.85f * v, 1 - 0.6f * v, 1 - 0.25f * v));
        }
        blocks.setPaintScale(scale);

        SymbolAxis predicted = new SymbolAxis("predicted", labels);
        predicted.setVerticalTickLabels(true);
        SymbolAxis actual = new SymbolAxis("actual", labels);
        actual.setInverted(true);
        for (SymbolAxis axis : new SymbolAxis[] {predicted, actual}) {
            axis.setRange(-0.5, k - 0.5);
            axis.setGridBandsVisible(false);
        }
        XYPlot plot = new XYPlot(cells, predicted, actual, blocks);
        plot.setBackgroundPaint(Color.WHITE);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                XYTextAnnotation count = new XYTextAnnotation(Long.toString(report.count(a, p)), p, a);
                count.setFont(font);
                count.setPaint(xyz[2][a * k + p] > 0.6 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(count);
            }
        }
        JFreeChart chart = new JFreeChart(String.format(java.util.Locale.ROOT,
                "Confusion matrix: test accuracy %.4f", report.accuracy()), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis("fraction of the actual class"));
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
