package com.walkrx.dashboard.ui;

import com.walkrx.dashboard.MyProgress;
import com.walkrx.dashboard.OpenTier;
import com.walkrx.dashboard.OverviewStats;
import com.walkrx.dashboard.PainChange;
import com.walkrx.dashboard.PatientChart;
import com.walkrx.dashboard.PatientChart.Day;
import com.walkrx.dashboard.PatientChart.FlagItem;
import com.walkrx.dashboard.PatientChart.WalkPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECharts options for the dashboard's charts, built from the read models' records. */
final class ChartOptions {

    static final String BLUE = "#1a5fb4";
    static final String GREY = "#6b7785";
    static final String GREEN = "#1b7a3d";
    static final String ORANGE = "#c25400";
    static final String PURPLE = "#7b3fa0";
    static final String URGENT = "#b3261e";
    static final String HIGH = "#c25400";
    static final String ADVISORY = "#b08800";

    private ChartOptions() {
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return m;
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    static String tierColor(OpenTier tier) {
        return switch (tier) {
            case URGENT -> URGENT;
            case HIGH -> HIGH;
            case ADVISORY -> ADVISORY;
        };
    }

    private static Map<String, Object> base(List<String> legend) {
        return map("animation", false,
                "textStyle", map("fontFamily", "inherit", "fontSize", 13),
                "tooltip", map("trigger", "axis"),
                "legend", map("top", 0, "data", legend, "itemGap", 16));
    }

    private static Map<String, Object> timeAxis(PatientChart c) {
        return map("type", "time", "min", c.from().toString(), "max", c.to().plusDays(1).toString(),
                "axisLabel", map("hideOverlap", true, "formatter", "{d} {MMM}"));
    }

    /**
     * Daily overall pain, its 7-day mean, pain before and after each walk, the baseline, the band where the
     * clinically important improvement is reached, and the flags' dates on the time axis.
     */
    static Map<String, Object> painTrend(PatientChart c) {
        List<Object> daily = new ArrayList<>();
        List<Object> mean = new ArrayList<>();
        for (Day d : c.days()) {
            daily.add(list(d.date().toString(), d.pain()));
            mean.add(list(d.date().toString(), d.pain7dMean() == null ? null : round1(d.pain7dMean())));
        }
        List<Object> before = new ArrayList<>();
        List<Object> after = new ArrayList<>();
        for (WalkPoint w : c.walks()) {
            String at = w.date() + "T" + String.format("%02d", Math.min(22, 8 + 4 * w.position())) + ":00:00";
            before.add(list(at, w.painBefore()));
            after.add(list(at, w.painAfter()));
        }
        List<Object> marks = new ArrayList<>();
        List<Object> areas = new ArrayList<>();
        PainChange change = c.painChange();
        if (change != null) {
            double baseline = round1(change.baseline());
            double threshold = round1(Math.max(change.baseline() - 2, 0.7 * change.baseline()));
            marks.add(map("yAxis", baseline, "name", "Baseline",
                    "label", map("formatter", "Baseline {c}", "position", "insideStartTop", "color", "#333"),
                    "lineStyle", map("color", "#333", "type", "dashed", "width", 1.5)));
            if (threshold > 0) {
                areas.add(list(map("yAxis", threshold, "name", "Clinically important improvement (2 points or 30%)"),
                        map("yAxis", 0)));
            }
        }
        for (FlagItem f : c.flags()) {
            if (!f.raisedOn().isBefore(c.from()) && !f.raisedOn().isAfter(c.to())) {
                marks.add(map("xAxis", f.raisedOn().toString(), "name", f.tier().name(),
                        "label", map("formatter", "{b}", "position", "end", "color", tierColor(f.tier()),
                                "fontWeight", "bold"),
                        "lineStyle", map("color", tierColor(f.tier()), "type", "solid", "width", 2)));
            }
        }
        Map<String, Object> dailySeries = map("name", "Daily pain", "type", "line", "data", daily,
                "connectNulls", true, "symbol", "circle", "symbolSize", 5,
                "lineStyle", map("width", 1, "color", GREY), "itemStyle", map("color", GREY),
                "markLine", map("silent", true, "symbol", list("none", "none"), "data", marks),
                "markArea", areas.isEmpty() ? null : map("silent", true,
                        "itemStyle", map("color", "rgba(27,122,61,0.10)"),
                        "label", map("position", "insideBottomRight", "color", GREEN, "fontSize", 12),
                        "data", areas));
        Map<String, Object> option = base(List.of("Daily pain", "7-day mean", "Pain before walk", "Pain after walk"));
        option.put("grid", map("left", 48, "right", 72, "top", 44, "bottom", 32));
        option.put("xAxis", timeAxis(c));
        option.put("yAxis", map("type", "value", "min", 0, "max", 10, "interval", 2, "name", "Pain (0-10)",
                "nameLocation", "middle", "nameGap", 32));
        option.put("series", list(
                dailySeries,
                map("name", "7-day mean", "type", "line", "data", mean, "connectNulls", true, "showSymbol", false,
                        "smooth", true, "lineStyle", map("width", 3, "color", BLUE), "itemStyle", map("color", BLUE),
                        "z", 4),
                map("name", "Pain before walk", "type", "scatter", "data", before, "symbol", "triangle",
                        "symbolSize", 7, "itemStyle", map("color", ORANGE, "opacity", 0.7)),
                map("name", "Pain after walk", "type", "scatter", "data", after, "symbol", "circle", "symbolSize", 6,
                        "itemStyle", map("color", GREEN, "opacity", 0.7))));
        return option;
    }

    /** Minutes walked each day against the prescribed minutes, and steps against the phase's step target. */
    static Map<String, Object> activity(PatientChart c) {
        List<Object> minutes = new ArrayList<>();
        List<Object> prescribed = new ArrayList<>();
        List<Object> steps = new ArrayList<>();
        List<Object> target = new ArrayList<>();
        boolean anyTarget = false;
        for (Day d : c.days()) {
            String date = d.date().toString();
            minutes.add(list(date, d.minutes()));
            prescribed.add(list(date, d.prescribedMinutes() == null ? null : round1(d.prescribedMinutes())));
            steps.add(list(date, d.steps()));
            target.add(list(date, d.stepTarget()));
            anyTarget |= d.stepTarget() != null;
        }
        List<String> legend = new ArrayList<>(List.of("Minutes walked", "Prescribed minutes", "Steps"));
        if (anyTarget) {
            legend.add("Step target");
        }
        Map<String, Object> option = base(legend);
        option.put("grid", map("left", 48, "right", 64, "top", 44, "bottom", 32));
        option.put("xAxis", timeAxis(c));
        option.put("yAxis", list(
                map("type", "value", "name", "Minutes", "min", 0, "nameLocation", "middle", "nameGap", 32),
                map("type", "value", "name", "Steps", "min", 0, "nameLocation", "middle", "nameGap", 52,
                        "splitLine", map("show", false))));
        List<Object> series = list(
                map("name", "Minutes walked", "type", "bar", "data", minutes, "barMaxWidth", 12,
                        "itemStyle", map("color", "rgba(26,95,180,0.55)")),
                map("name", "Prescribed minutes", "type", "line", "data", prescribed, "step", "middle",
                        "showSymbol", false, "lineStyle", map("color", "#222", "type", "dashed", "width", 2),
                        "itemStyle", map("color", "#222")),
                map("name", "Steps", "type", "line", "yAxisIndex", 1, "data", steps, "connectNulls", true,
                        "symbolSize", 4, "lineStyle", map("color", PURPLE, "width", 1.5),
                        "itemStyle", map("color", PURPLE)));
        if (anyTarget) {
            series.add(map("name", "Step target", "type", "line", "yAxisIndex", 1, "data", target, "step", "middle",
                    "showSymbol", false, "lineStyle", map("color", PURPLE, "type", "dotted", "width", 2),
                    "itemStyle", map("color", PURPLE)));
        }
        option.put("series", series);
        return option;
    }

    /** The patient's own chart: pain after walks and daily pain, week by week, in large type for phones. */
    static Map<String, Object> progress(MyProgress p) {
        List<Object> weeks = new ArrayList<>();
        List<Object> after = new ArrayList<>();
        List<Object> daily = new ArrayList<>();
        for (MyProgress.Week w : p.weeks()) {
            weeks.add("Week " + w.number());
            after.add(w.meanPainAfterWalks() == null ? null : round1(w.meanPainAfterWalks()));
            daily.add(w.meanPain() == null ? null : round1(w.meanPain()));
        }
        Map<String, Object> option = map("animation", false,
                "textStyle", map("fontFamily", "inherit", "fontSize", 14),
                "tooltip", map("trigger", "axis"),
                "legend", map("bottom", 0, "data", List.of("Pain after walks", "Pain during the day"),
                        "textStyle", map("fontSize", 14)));
        option.put("grid", map("left", 36, "right", 16, "top", 16, "bottom", 64));
        option.put("xAxis", map("type", "category", "data", weeks, "axisLabel", map("hideOverlap", true)));
        option.put("yAxis", map("type", "value", "min", 0, "max", 10, "interval", 2));
        option.put("series", list(
                map("name", "Pain after walks", "type", "line", "data", after, "connectNulls", true,
                        "symbolSize", 8, "lineStyle", map("width", 4, "color", GREEN), "itemStyle", map("color", GREEN),
                        "label", map("show", true, "position", "bottom", "fontSize", 14, "fontWeight", "bold",
                                "color", GREEN)),
                map("name", "Pain during the day", "type", "line", "data", daily, "connectNulls", true,
                        "symbolSize", 6, "lineStyle", map("width", 2, "color", GREY, "type", "dashed"),
                        "itemStyle", map("color", GREY))));
        return option;
    }

    static Map<String, Object> bars(List<String> categories, List<Long> values, List<String> colors, String yName) {
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            data.add(map("value", values.get(i), "itemStyle", map("color", colors.get(i % colors.size()))));
        }
        Map<String, Object> option = map("animation", false,
                "textStyle", map("fontFamily", "inherit", "fontSize", 13),
                "tooltip", map("trigger", "axis"));
        option.put("grid", map("left", 44, "right", 16, "top", 24, "bottom", 32));
        option.put("xAxis", map("type", "category", "data", categories));
        option.put("yAxis", map("type", "value", "minInterval", 1, "name", yName));
        option.put("series", list(map("type", "bar", "data", data, "barMaxWidth", 48,
                "label", map("show", true, "position", "top", "fontWeight", "bold"))));
        return option;
    }

    /** Mean change from baseline at weeks 2, 4, 8, 12 (bars) and the share reaching the important change (line). */
    static Map<String, Object> outcomes(OverviewStats stats) {
        List<Object> weeks = new ArrayList<>();
        List<Object> change = new ArrayList<>();
        List<Object> share = new ArrayList<>();
        for (OverviewStats.Outcome o : stats.outcomes()) {
            weeks.add("Week " + o.week());
            change.add(o.meanChange() == null ? null : round1(o.meanChange()));
            share.add(o.share() == null ? null : Math.round(o.share() * 100));
        }
        Map<String, Object> option = base(List.of("Mean pain change from baseline", "Reached the important change (%)"));
        option.put("grid", map("left", 52, "right", 56, "top", 44, "bottom", 32));
        option.put("xAxis", map("type", "category", "data", weeks));
        option.put("yAxis", list(
                map("type", "value", "name", "Points", "min", -6, "max", 2, "interval", 2, "nameLocation", "middle",
                        "nameGap", 34),
                map("type", "value", "name", "%", "min", 0, "max", 100, "interval", 25,
                        "splitLine", map("show", false))));
        option.put("series", list(
                map("name", "Mean pain change from baseline", "type", "bar", "data", change, "barMaxWidth", 48,
                        "itemStyle", map("color", BLUE),
                        "label", map("show", true, "position", "bottom", "fontWeight", "bold"),
                        "markLine", map("silent", true, "symbol", list("none", "none"), "data", list(
                                map("yAxis", -2, "name", "Clinically important (-2)",
                                        "label", map("formatter", "{b}", "position", "insideEndBottom", "color", GREEN),
                                        "lineStyle", map("color", GREEN, "type", "dashed", "width", 2))))),
                map("name", "Reached the important change (%)", "type", "line", "yAxisIndex", 1, "data", share,
                        "symbolSize", 8, "lineStyle", map("color", GREEN, "width", 3), "itemStyle", map("color", GREEN),
                        "label", map("show", true, "formatter", "{c}%", "position", "top", "color", GREEN))));
        return option;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
