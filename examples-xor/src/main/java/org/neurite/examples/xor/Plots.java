package org.neurite.examples.xor;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
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
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neurite.core.model.Model;
import org.neurite.core.tensor.Matrix;

/** PNG charts of a trained XOR model, drawn with JFreeChart. */
final class Plots {
    static final double LOW = -0.5;
    static final double HIGH = 1.5;
    private static final int GRID = 101;
    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private Plots() {
    }

    /**
     * Writes {@code loss.png} and {@code accuracy.png} (one point per epoch, when the model has a
     * history) and {@code decision-surface.png} into {@code dir}, creating it if needed.
     *
     * @return the files written
     */
    static List<Path> write(Path dir, Model model) {
        try {
            Files.createDirectories(dir);
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, List<Double>> e : model.history().asMap().entrySet()) {
                Path file = dir.resolve(e.getKey() + ".png");
                ChartUtils.saveChartAsPNG(file.toFile(), curve(e.getKey(), e.getValue()), WIDTH, HEIGHT);
                written.add(file);
            }
            Path surface = dir.resolve("decision-surface.png");
            ChartUtils.saveChartAsPNG(surface.toFile(), decisionSurface(model), WIDTH, WIDTH);
            written.add(surface);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plots to " + dir + ": " + e.getMessage(), e);
        }
    }

    static JFreeChart curve(String name, List<Double> values) {
        XYSeries series = new XYSeries(name);
        for (int i = 0; i < values.size(); i++) {
            series.add(i + 1, values.get(i));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(name + " per epoch", "epoch", name,
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        return chart;
    }

    /** P(class 1) over [−0.5, 1.5]², with the four training points marked by their class. */
    static JFreeChart decisionSurface(Model model) {
        Matrix grid = new Matrix(GRID * GRID, 2);
        double step = (HIGH - LOW) / (GRID - 1);
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                grid.set(i * GRID + j, 0, (float) (LOW + i * step));
                grid.set(i * GRID + j, 1, (float) (LOW + j * step));
            }
        }
        Matrix p = model.predict(grid);
        double[][] xyz = new double[3][GRID * GRID];
        for (int r = 0; r < grid.rows(); r++) {
            xyz[0][r] = grid.get(r, 0);
            xyz[1][r] = grid.get(r, 1);
            xyz[2][r] = p.get(r, p.cols() - 1);
        }
        DefaultXYZDataset surface = new DefaultXYZDataset();
        surface.addSeries("P(class 1)", xyz);

        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(step);
        blocks.setBlockHeight(step);
        LookupPaintScale scale = new LookupPaintScale(0, 1.0000001, Color.WHITE);
        for (int k = 0; k <= 20; k++) {
            float v = k / 20f;
            scale.add(v, new Color(1 - 0.6f * v, 0.45f + 0.2f * (1 - Math.abs(2 * v - 1)), 0.4f + 0.6f * v));
        }
        blocks.setPaintScale(scale);

        NumberAxis x = new NumberAxis("x₁");
        NumberAxis y = new NumberAxis("x₂");
        x.setRange(LOW, HIGH);
        y.setRange(LOW, HIGH);
        XYPlot plot = new XYPlot(surface, x, y, blocks);

        XYSeries zeros = new XYSeries("class 0 (training)");
        XYSeries ones = new XYSeries("class 1 (training)");
        Matrix inputs = XorData.inputs();
        Matrix targets = XorData.targets();
        for (int r = 0; r < inputs.rows(); r++) {
            (targets.get(r, 1) > 0.5f ? ones : zeros).add(inputs.get(r, 0), inputs.get(r, 1));
        }
        XYSeriesCollection points = new XYSeriesCollection();
        points.addSeries(zeros);
        points.addSeries(ones);
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        Ellipse2D.Double dot = new Ellipse2D.Double(-8, -8, 16, 16);
        marks.setSeriesShape(0, dot);
        marks.setSeriesShape(1, dot);
        marks.setSeriesPaint(0, new Color(200, 30, 30));
        marks.setSeriesPaint(1, new Color(20, 40, 200));
        marks.setUseOutlinePaint(true);
        marks.setDefaultOutlinePaint(Color.BLACK);
        marks.setDrawOutlines(true);
        plot.setDataset(1, points);
        plot.setRenderer(1, marks);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);

        JFreeChart chart = new JFreeChart("Decision surface: P(class 1)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis("P(class 1)"));
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
