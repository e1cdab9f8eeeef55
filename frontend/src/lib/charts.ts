// ECharts, tree-shaken: only the charts and components the analysis screens
// use, drawn on canvas. Loaded lazily by Chart.svelte so the first screen of
// the app does not wait for it. Bundled; nothing comes from a CDN.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, PieChart, RadarChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  PieChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';

/** Font and colours of app.css, so charts look like the rest of the app. */
export const CHART_THEME = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif",
  text: '#1b2420',
  muted: '#52605a',
  border: '#d5ddd9',
  primary: '#0b6b55',
  standard: '#8a9a93',
  danger: '#c4382c',
  ok: '#2e8540',
};
