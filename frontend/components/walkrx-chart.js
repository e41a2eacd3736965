// ECharts in two small custom elements. The server hands over a plain ECharts option as JSON, so all
// chart logic stays in Java; only the library's modules in use are bundled.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent,
  TitleComponent, TooltipComponent
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkAreaComponent,
  MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

// A property set before the element was defined hides the class's setter: re-apply it.
function upgradeProperty(element, name) {
  if (Object.prototype.hasOwnProperty.call(element, name)) {
    const value = element[name];
    delete element[name];
    element[name] = value;
  }
}

/**
 * <walkrx-chart>: renders the ECharts option in its `option` property (an object or a JSON string).
 * The chart is created once the element has a size, and repainted at once after every resize, so a
 * screenshot never catches a layout computed for another width.
 */
class WalkrxChart extends HTMLElement {
  constructor() {
    super();
    this._option = null;
    this._chart = null;
  }

  set option(value) {
    this._option = typeof value === 'string' ? JSON.parse(value) : value;
    this._render();
  }

  get option() {
    return this._option;
  }

  connectedCallback() {
    upgradeProperty(this, 'option');
    if (!this._resizer) {
      this._resizer = new ResizeObserver(() => this._sizeChanged());
    }
    this._resizer.observe(this);
    this._sizeChanged();
  }

  disconnectedCallback() {
    this._resizer.disconnect();
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  _sizeChanged() {
    if (this.clientWidth === 0 || this.clientHeight === 0) {
      return;
    }
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'canvas' });
      this._render();
    } else {
      this._chart.resize();
      this._chart.getZr().flush();
    }
  }

  _render() {
    if (this._chart && this._option) {
      this._chart.setOption(this._option, true);
      this._chart.getZr().flush();
      this.setAttribute('rendered', '');
    }
  }
}

/** <walkrx-sparkline>: a tiny line of the numbers in `values` (nulls are gaps), on a fixed 0-10 scale. */
class WalkrxSparkline extends HTMLElement {
  constructor() {
    super();
    this._values = [];
    this._chart = null;
  }

  set values(value) {
    this._values = Array.isArray(value) ? value : [];
    this._render();
  }

  get values() {
    return this._values;
  }

  connectedCallback() {
    upgradeProperty(this, 'values');
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'svg', width: 110, height: 32 });
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  _render() {
    if (!this._chart) {
      return;
    }
    const points = this._values.map((v, i) => [i, v]);
    const last = [...points].reverse().find(p => p[1] !== null && p[1] !== undefined);
    this._chart.setOption({
      animation: false,
      grid: { left: 2, right: 6, top: 3, bottom: 3 },
      xAxis: { type: 'value', min: 0, max: Math.max(1, this._values.length - 1), show: false },
      yAxis: { type: 'value', min: 0, max: 10, show: false },
      series: [{
        type: 'line', data: points, connectNulls: true, showSymbol: false, silent: true,
        lineStyle: { width: 1.5, color: '#1a5fb4' },
        markPoint: last ? {
          symbol: 'circle', symbolSize: 5, silent: true, label: { show: false },
          itemStyle: { color: '#1a5fb4' }, data: [{ coord: last }]
        } : undefined
      }]
    }, true);
    this.setAttribute('rendered', '');
  }
}

if (!customElements.get('walkrx-chart')) {
  customElements.define('walkrx-chart', WalkrxChart);
}
if (!customElements.get('walkrx-sparkline')) {
  customElements.define('walkrx-sparkline', WalkrxSparkline);
}
