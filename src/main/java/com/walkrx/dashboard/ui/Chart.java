package com.walkrx.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.walkrx.base.ui.Dates;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Apache ECharts chart: the server builds the chart's option (plain maps and lists) and the
 * {@code <walkrx-chart>} element under frontend/components renders it in the browser.
 */
@Tag("walkrx-chart")
@NpmPackage(value = "echarts", version = Chart.ECHARTS_VERSION)
@JsModule(Chart.MODULE)
public class Chart extends Component implements HasSize, HasStyle {

    static final String ECHARTS_VERSION = "5.6.0";
    static final String MODULE = "./components/walkrx-chart.js";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * Dates on a time axis in the clinic's locale ({@link Dates}): ECharts writes a time axis's tooltip heading as
     * an ISO date and its ticks in English; formatters are functions, which the JSON option cannot carry, so they are
     * added in the browser with {@code Intl.DateTimeFormat} of the clinic's locale before the option is shown.
     */
    private static final String LOCALE_DATES = """
            const o = JSON.parse($0), locale = $1;
            const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
            const tick = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
            const axes = [].concat(o.xAxis || []).filter(a => a && a.type === 'time');
            for (const a of axes) {
              a.axisLabel = Object.assign({}, a.axisLabel, { formatter: v => tick.format(new Date(v)) });
            }
            if (axes.length && o.tooltip && o.tooltip.trigger === 'axis') {
              const esc = t => String(t).replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');
              o.tooltip.formatter = params => {
                const shown = [].concat(params).filter(p => Array.isArray(p.value) && p.value[1] != null);
                if (!shown.length) { return ''; }
                return [esc(day.format(new Date(shown[0].axisValue)))].concat(shown.map(p =>
                    p.marker + esc(p.seriesName) + ': <b>' + esc(p.value[1]) + '</b>')).join('<br>');
              };
            }
            this.option = o;
            """;

    private String optionJson = "{}";

    public Chart(String height) {
        // An element made anew (the view shown again) gets its option as a property; the formatters again here.
        addAttachListener(e -> {
            if (!e.isInitialAttach()) {
                localeDates();
            }
        });
        setWidthFull();
        setHeight(height);
        getStyle().set("display", "block");
    }

    /** Shows the ECharts option (see echarts.apache.org's option reference). */
    public void setOption(Map<String, Object> option) {
        optionJson = JSON.writeValueAsString(option);
        getElement().setProperty("option", optionJson);
        localeDates();
    }

    private void localeDates() {
        getElement().executeJs(LOCALE_DATES, optionJson, Dates.locale().toLanguageTag());
    }

    /** The option as JSON, as the browser receives it. */
    public String optionJson() {
        return optionJson;
    }

    /** Names the chart for screen readers. */
    public Chart withLabel(String label) {
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", label);
        return this;
    }
}
