package com.walkrx.dashboard.ui;

import static com.walkrx.dashboard.ui.ChartOptions.list;
import static com.walkrx.dashboard.ui.ChartOptions.map;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.walkrx.base.security.Caller;
import com.walkrx.outcome.Instrument;
import com.walkrx.outcome.OutcomeResponse;
import com.walkrx.outcome.OutcomeService;
import com.walkrx.outcome.Scoring;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The patient chart's outcome measures: one chart per instrument over the current plan, with the baseline and the
 * important-change threshold drawn (PEG a 30% fall, PSFS a 2-point rise, GROC +4).
 */
@StyleSheet("context://styles/outcome.css")
public class OutcomeCharts extends Div {

    private final List<Chart> charts = new ArrayList<>();

    public OutcomeCharts(OutcomeService outcomes, Caller caller, long patientId) {
        addClassNames("card", "outcome-section");
        setId("outcome-charts");
        add(new H3("Outcome measures"));
        List<OutcomeResponse> all = outcomes.outcomes(caller, patientId);
        if (all.isEmpty()) {
            Paragraph none = new Paragraph("No questionnaires answered yet. PEG and PSFS fall due on the plan's start "
                    + "date, then PEG weekly and PSFS every two weeks; GROC at weeks 6 and 12 and when the plan ends.");
            none.addClassName("outcome-empty");
            add(none);
            return;
        }
        long plan = all.getLast().planId(); // the current episode: baselines are per plan
        List<OutcomeResponse> current = all.stream().filter(r -> r.planId() == plan).toList();
        Div grid = new Div();
        grid.addClassName("outcome-charts");
        for (Instrument instrument : Instrument.values()) {
            grid.add(card(instrument, current.stream().filter(r -> r.instrument() == instrument).toList()));
        }
        add(grid);
    }

    private Div card(Instrument instrument, List<OutcomeResponse> responses) {
        Div card = new Div();
        card.addClassName("outcome-chart-card");
        card.setId("outcome-" + instrument);
        card.add(new H4(instrument.label() + " (" + instrument.name() + ")"));
        Paragraph summary = new Paragraph(summary(instrument, responses));
        summary.addClassName("outcome-summary");
        card.add(summary);
        if (!responses.isEmpty()) {
            Chart chart = new Chart("220px").withLabel(instrument.label() + " scores with baseline and threshold");
            chart.setOption(option(instrument, responses));
            charts.add(chart);
            card.add(chart);
        }
        Paragraph source = new Paragraph(instrument.citation());
        source.addClassName("outcome-source");
        card.add(source);
        return card;
    }

    static String summary(Instrument instrument, List<OutcomeResponse> responses) {
        if (responses.isEmpty()) {
            return "Not answered yet in this plan.";
        }
        OutcomeResponse latest = responses.getLast();
        String improved = latest.importantImprovement() ? " Important improvement reached." : "";
        if (instrument == Instrument.GROC) {
            int v = latest.score().intValue();
            return "Latest " + (v > 0 ? "+" + v : v) + " (" + Instrument.grocLabel(v).toLowerCase() + ") on "
                    + Format.date(latest.date()) + "; +4 or more is an important improvement." + improved;
        }
        String rule = instrument == Instrument.PEG ? "a fall of 30% or more" : "a rise of 2 points or more";
        return "Baseline " + latest.baseline() + ", latest " + latest.score() + " on " + Format.date(latest.date())
                + " (" + signed(latest.change()) + "); important: " + rule + "." + improved;
    }

    private static String signed(BigDecimal change) {
        return change.signum() > 0 ? "+" + change : change.toPlainString();
    }

    static Map<String, Object> option(Instrument instrument, List<OutcomeResponse> responses) {
        List<Object> data = new ArrayList<>();
        responses.forEach(r -> data.add(list(r.date().toString(), r.score().doubleValue())));
        BigDecimal baseline = responses.getFirst().baseline();
        BigDecimal threshold = Scoring.threshold(instrument, baseline);
        List<Object> marks = new ArrayList<>();
        if (baseline != null) {
            marks.add(map("yAxis", baseline.doubleValue(), "name", "Baseline",
                    "label", map("formatter", "Baseline {c}", "position", "insideStartTop", "color", "#333"),
                    "lineStyle", map("color", "#333", "type", "dashed", "width", 1.5)));
        }
        if (threshold != null) {
            double t = threshold.setScale(1, instrument == Instrument.PEG ? RoundingMode.FLOOR : RoundingMode.CEILING)
                    .doubleValue();
            String words = switch (instrument) {
                case PEG -> "Important improvement (30% fall): " + t + " or less";
                case PSFS -> "Important improvement (+2): " + t + " or more";
                case GROC -> "Important improvement: +4 or more";
            };
            marks.add(map("yAxis", t, "name", words,
                    "label", map("formatter", "{b}", "position", "insideEndTop", "color", ChartOptions.GREEN),
                    "lineStyle", map("color", ChartOptions.GREEN, "type", "dashed", "width", 2)));
        }
        boolean groc = instrument == Instrument.GROC;
        Map<String, Object> option = map("animation", false,
                "textStyle", map("fontFamily", "inherit", "fontSize", 12),
                "tooltip", map("trigger", "axis"),
                "grid", map("left", 36, "right", 16, "top", 16, "bottom", 28));
        option.put("xAxis", map("type", "time", "axisLabel", map("hideOverlap", true, "formatter", "{d} {MMM}")));
        option.put("yAxis", map("type", "value", "min", groc ? -7 : 0, "max", groc ? 7 : 10, "interval", groc ? 7 : 2));
        option.put("series", list(map("name", instrument.name(), "type", "line", "data", data,
                "symbolSize", 8, "lineStyle", map("width", 3, "color", ChartOptions.BLUE),
                "itemStyle", map("color", ChartOptions.BLUE),
                "markLine", map("silent", true, "symbol", list("none", "none"), "data", marks))));
        return option;
    }

    /** For tests: the charts shown, PEG first. */
    public List<Chart> charts() {
        return charts;
    }
}
