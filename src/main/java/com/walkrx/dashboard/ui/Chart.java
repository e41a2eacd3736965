package com.walkrx.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
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

    private String optionJson = "{}";

    public Chart(String height) {
        setWidthFull();
        setHeight(height);
        getStyle().set("display", "block");
    }

    /** Shows the ECharts option (see echarts.apache.org's option reference). */
    public void setOption(Map<String, Object> option) {
        optionJson = JSON.writeValueAsString(option);
        getElement().setProperty("option", optionJson);
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
