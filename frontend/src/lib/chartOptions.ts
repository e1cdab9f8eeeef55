// ECharts options of the analysis screens. Pure functions of the data and the
// labels, so the screens stay small; colours follow app.css.
import type { ChartOption } from './charts';
import type { AnalysisLine, Recap } from '../api/types';
import { TONE_COLOURS, type Tone } from './analysis';

const C = {
  text: '#1b2420',
  muted: '#52605a',
  border: '#d5ddd9',
  primary: '#0b6b55',
  standard: '#8a9a93',
  danger: '#c4382c',
  ok: '#2e8540',
};

const num = (v: number, sep: string) => String(Math.round(v * 100) / 100).replace('.', sep);

/** Radar of standard vs actual level per competency (0–5). */
export function radarOption(lines: readonly AnalysisLine[], labels: { standard: string; actual: string }, sep: string): ChartOption {
  // Scale to the levels in play (a Pelaksana's standard of 1 on a 0–5 scale
  // would be a dot), one level of headroom, at most 5.
  const top = Math.min(5, Math.max(2, ...lines.map((l) => Math.ceil(Math.max(l.standard, l.actual)))) + 1);
  return {
    color: [C.standard, C.primary],
    tooltip: { trigger: 'item', confine: true },
    legend: { bottom: 0, data: [labels.standard, labels.actual], textStyle: { color: C.text } },
    radar: {
      radius: '68%',
      center: ['50%', '47%'],
      indicator: lines.map((l) => ({ name: l.code, max: top, min: 0 })),
      splitNumber: top,
      axisName: { color: C.text, fontSize: 12, fontWeight: 600 },
      splitLine: { lineStyle: { color: C.border } },
      splitArea: { areaStyle: { color: ['#ffffff', '#f8faf9'] } },
      axisLine: { lineStyle: { color: C.border } },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        data: [
          {
            name: labels.standard,
            value: lines.map((l) => l.standard),
            lineStyle: { type: 'dashed', width: 2 },
            areaStyle: { opacity: 0.08 },
          },
          {
            name: labels.actual,
            value: lines.map((l) => (l.assessed ? Math.round(l.actual * 100) / 100 : 0)),
            lineStyle: { width: 2 },
            areaStyle: { opacity: 0.22 },
          },
        ],
        tooltip: {
          formatter: (p: unknown) => {
            const d = p as { name: string; value: number[] };
            return `<b>${d.name}</b><br/>` + lines.map((l, i) => `${l.code} ${l.name}: ${num(d.value[i] ?? 0, sep)}`).join('<br/>');
          },
        },
      },
    ],
  };
}

export interface CategorySlice {
  code: string;
  label: string;
  count: number;
  tone: Tone;
}

/** Donut of people per JPM category. */
export function categoryOption(slices: readonly CategorySlice[]): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)', confine: true },
    legend: { bottom: 0, left: 'center', itemGap: 10, textStyle: { color: C.text, fontSize: 12 }, itemWidth: 12, itemHeight: 12 },
    series: [
      {
        type: 'pie',
        radius: ['32%', '58%'],
        center: ['50%', '38%'],
        avoidLabelOverlap: true,
        label: { show: true, position: 'inside', formatter: (p: unknown) => String((p as { value: number }).value || ''), color: '#fff', fontWeight: 700 },
        data: slices.map((s) => ({ name: s.label, value: s.count, itemStyle: { color: TONE_COLOURS[s.tone] } })),
      },
    ],
  };
}

/** Bars of the average gap per competency: red below the standard, green above. */
export function averageGapOption(items: Recap['averageGap'], axisName: string, sep: string): ChartOption {
  return {
    // top leaves room for the axis name above the highest label
    grid: { left: 44, right: 12, top: 30, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (p: unknown) => {
        const d = (p as { dataIndex: number }[])[0];
        const it = items[d.dataIndex];
        return it ? `<b>${it.code}</b> ${it.name}<br/>${axisName}: ${num(it.gap, sep)}` : '';
      },
    },
    xAxis: { type: 'category', data: items.map((i) => i.code), axisLabel: { color: C.text, fontSize: 11, interval: 0 }, axisTick: { show: false }, axisLine: { lineStyle: { color: C.border } } },
    yAxis: {
      type: 'value',
      name: axisName,
      nameTextStyle: { color: C.muted, fontSize: 11, align: 'left' },
      axisLabel: { color: C.muted, formatter: (v: number) => num(v, sep) },
      splitLine: { lineStyle: { color: '#eef2f0' } },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        data: items.map((i) => ({ value: Math.round(i.gap * 100) / 100, itemStyle: { color: i.gap < 0 ? C.danger : C.ok } })),
        // 'outside' puts a negative bar's label under its end; the smaller size
        // and hideOverlap keep neighbouring values of narrow bars from printing
        // over each other
        label: { show: items.length <= 16, position: 'outside', fontSize: 10, color: C.text, formatter: (p: unknown) => num((p as { value: number }).value, sep) },
        labelLayout: { hideOverlap: true },
      },
    ],
  };
}

/** Heatmap of the average gap, units (rows) × competencies (columns). */
export function heatmapOption(h: Recap['heatmap'], labels: { gap: string; none: string }, sep: string): ChartOption {
  const data: [number, number, number | '-'][] = [];
  let min = 0;
  let max = 0;
  h.gaps.forEach((row, u) =>
    row.forEach((g, c) => {
      if (g === null || g === undefined) {
        data.push([c, u, '-']);
      } else {
        const v = Math.round(g * 100) / 100;
        min = Math.min(min, v);
        max = Math.max(max, v);
        data.push([c, u, v]);
      }
    }),
  );
  const bound = Math.max(1, Math.ceil(Math.max(-min, max)));
  return {
    grid: { left: 8, right: 70, top: 8, bottom: 28, containLabel: true },
    tooltip: {
      confine: true,
      formatter: (p: unknown) => {
        const d = p as { value: [number, number, number | '-'] };
        const [c, u, v] = d.value;
        const code = h.codes[c];
        return `<b>${h.units[u]?.name ?? ''}</b><br/>${code?.code ?? ''} ${code?.name ?? ''}<br/>${labels.gap}: ${v === '-' ? labels.none : num(v, sep)}`;
      },
    },
    xAxis: { type: 'category', data: h.codes.map((c) => c.code), splitArea: { show: false }, axisLabel: { color: C.text, fontSize: 11, interval: 0 }, axisTick: { show: false }, axisLine: { show: false } },
    yAxis: {
      type: 'category',
      data: h.units.map((u) => u.name),
      inverse: true,
      axisLabel: { color: C.text, fontSize: 12, width: 190, overflow: 'truncate' },
      axisTick: { show: false },
      axisLine: { show: false },
    },
    visualMap: {
      type: 'continuous',
      min: -bound,
      max: bound,
      calculable: false,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemHeight: 120,
      itemWidth: 12,
      text: [`+${bound}`, `−${bound}`],
      textStyle: { color: C.muted, fontSize: 11 },
      inRange: { color: ['#b3261e', '#f2b8b1', '#fbfbfb', '#b9dcc0', '#1e6b2e'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: true, fontSize: 11, color: C.text, formatter: (p: unknown) => { const v = (p as { value: [number, number, number | '-'] }).value[2]; return v === '-' ? '' : num(v, sep); } },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: C.text, borderWidth: 1 } },
      },
    ],
  };
}

export interface UnitJP {
  name: string;
  averageJp: number;
  complianceRate: number;
  count: number;
  belowTarget: number;
}

/**
 * Horizontal bars of the average JP per unit against the annual target (a
 * dashed line): red below the target, green at or above. The tooltip adds
 * the compliance rate and the number of people below target.
 */
export function jpComplianceOption(units: readonly UnitJP[], target: number, labels: { average: string; target: string; rate: string; below: string }, sep: string): ChartOption {
  const rows = [...units].reverse(); // ECharts draws the first category at the bottom
  const top = Math.max(target * 1.25, ...rows.map((u) => u.averageJp)) || 1;
  return {
    grid: { left: 8, right: 36, top: 20, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (p: unknown) => {
        const d = (p as { dataIndex: number }[])[0];
        const u = rows[d.dataIndex];
        return u
          ? `<b>${u.name}</b><br/>${labels.average}: ${num(u.averageJp, sep)} JP<br/>${labels.rate}: ${num(u.complianceRate, sep)}%<br/>${labels.below}: ${u.belowTarget}/${u.count}`
          : '';
      },
    },
    xAxis: { type: 'value', max: Math.ceil(top), axisLabel: { color: C.muted }, splitLine: { lineStyle: { color: '#eef2f0' } } },
    yAxis: {
      type: 'category',
      data: rows.map((u) => u.name),
      axisLabel: { color: C.text, fontSize: 11, width: 190, overflow: 'truncate' },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: C.border } },
    },
    series: [
      {
        type: 'bar',
        name: labels.average,
        barMaxWidth: 18,
        data: rows.map((u) => ({ value: Math.round(u.averageJp * 100) / 100, itemStyle: { color: u.averageJp < target ? C.danger : C.ok } })),
        label: { show: rows.length <= 20, position: 'right', fontSize: 11, color: C.text, formatter: (p: unknown) => num((p as { value: number }).value, sep) },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: C.text, type: 'dashed', width: 1.5 },
          label: { formatter: `${labels.target} ${num(target, sep)}`, color: C.text, fontSize: 11, position: 'end' },
          data: [{ xAxis: target }],
        },
      },
    ],
  };
}
