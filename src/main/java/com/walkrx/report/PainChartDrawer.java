package com.walkrx.report;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;
import com.walkrx.report.EpisodeReader.DayValue;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.w3c.dom.Element;

/**
 * Draws the pain trend into the PDF as vector graphics (JFreeChart on PDFBox's Graphics2D): daily pain as dots,
 * its 7-day mean as a line, the baseline dashed, and the important-change band between the baseline and the
 * pain below which the fall is clinically important. Text uses the shipped DejaVu Sans, not the machine's fonts.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class PainChartDrawer implements FSObjectDrawerFactory, FSObjectDrawer {

    static final String TYPE = "application/x-walkrx-pain-chart";
    private static final Font FONT = loadFont();

    private final List<DayValue> daily;
    private final PainCourse pain;
    private final LocalDate from;
    private final LocalDate to;
    private final ZoneId zone;

    @Override
    public FSObjectDrawer createDrawer(Element e) {
        return isReplacedObject(e) ? this : null;
    }

    @Override
    public boolean isReplacedObject(Element e) {
        return e.getTagName().equals("object") && TYPE.equals(e.getAttribute("type"));
    }

    @Override
    public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
                                         OutputDevice device, RenderingContext ctx, int dotsPerPixel) {
        float w = (float) (width / dotsPerPixel);
        float h = (float) (height / dotsPerPixel);
        JFreeChart chart = chart();
        device.drawWithGraphics((float) x, (float) y, w, h, g -> chart.draw(g, new Rectangle2D.Float(0, 0, w, h)));
        return null;
    }

    JFreeChart chart() {
        TimeSeries points = new TimeSeries("Daily pain");
        TimeSeries mean = new TimeSeries("7-day mean");
        for (int i = 0; i < daily.size(); i++) {
            DayValue d = daily.get(i);
            if (d.date().isBefore(from) || d.date().isAfter(to)) {
                continue;
            }
            Day day = day(d.date());
            points.addOrUpdate(day, d.value());
            int sum = 0;
            int count = 0;
            for (int j = i; j >= 0 && !daily.get(j).date().isBefore(d.date().minusDays(6)); j--) {
                sum += daily.get(j).value();
                count++;
            }
            mean.addOrUpdate(day, (double) sum / count);
        }
        TimeSeriesCollection data = new TimeSeriesCollection(TimeZone.getTimeZone(zone));
        data.addSeries(points);
        data.addSeries(mean);

        DateAxis time = new DateAxis();
        time.setTimeZone(TimeZone.getTimeZone(zone));
        time.setDateFormatOverride(new SimpleDateFormat("d MMM", Locale.UK));
        time.setRange(date(from), date(to.plusDays(1)));
        time.setTickLabelFont(FONT.deriveFont(7f));
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        NumberAxis score = new NumberAxis("Pain (0-10)");
        score.setRange(0, 10.2);
        score.setTickUnit(new NumberTickUnit(2));
        score.setLabelFont(FONT.deriveFont(7.5f));
        score.setTickLabelFont(FONT.deriveFont(7f));

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-1.6, -1.6, 3.2, 3.2));
        renderer.setSeriesPaint(0, new Color(0x9a, 0xa5, 0xb1));
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesStroke(1, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setSeriesPaint(1, new Color(0x1c, 0x6e, 0x8c));

        XYPlot plot = new XYPlot(data, time, score, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xe4, 0xe7, 0xeb));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (pain.baseline() != null) {
            double baseline = pain.baseline();
            IntervalMarker band = new IntervalMarker(pain.importantThreshold(), baseline);
            band.setPaint(new Color(0xd9, 0xee, 0xe1));
            band.setLabel("Smaller than a clinically important change");
            band.setLabelFont(FONT.deriveFont(6.5f));
            band.setLabelPaint(new Color(0x2f, 0x6f, 0x4f));
            band.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            band.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            band.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            band.setLabelOffset(new RectangleInsets(2, 2, 2, 4));
            plot.addRangeMarker(band, Layer.BACKGROUND);
            ValueMarker line = new ValueMarker(baseline, new Color(0x3e, 0x4c, 0x59), new BasicStroke(0.9f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            line.setLabel("Baseline " + PainCourse.one(baseline));
            line.setLabelFont(FONT.deriveFont(6.5f));
            line.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            line.setLabelOffset(new RectangleInsets(2, 4, 2, 2));
            line.setLabelBackgroundColor(new Color(0, 0, 0, 0));
            plot.addRangeMarker(line, Layer.FOREGROUND);
        }
        JFreeChart chart = new JFreeChart(null, FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(FONT.deriveFont(7f));
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    private Day day(LocalDate date) {
        return new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private Date date(LocalDate date) {
        return Date.from(date.atStartOfDay(zone).toInstant());
    }

    private static Font loadFont() {
        try (InputStream in = PainChartDrawer.class.getResourceAsStream(ProgressReportPdf.FONT_REGULAR)) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(7f);
        } catch (IOException | java.awt.FontFormatException e) {
            throw new UncheckedIOException(new IOException("the report font is missing", e));
        }
    }
}
