// The dashboard's four charts as ECharts options, from the server's numbers. Every name in a tooltip is escaped:
// speaker names and tags come from scraped text and hand-edited files.
import type { EChartsCoreOption } from 'echarts/core';
import type { CorpusStats, QuoteSelection, SpeakerCount } from '../../shared/protocol';
import type { ThemeColours } from './theme';

/** Bars in "most quoted speakers". */
export const TOP_SPEAKERS = 20;
/** Speakers drawn apart in "quotes over time"; the rest are "Others". */
const TIMELINE_SPEAKERS = 6;
/** Rows and columns of "who appears with whom". */
const MATRIX_SPEAKERS = 12;

const KINDS: { kind: SpeakerCount['kind']; label: string }[] = [
  { kind: 'person', label: 'Person' },
  { kind: 'organization', label: 'Organization' },
  { kind: 'anonymous', label: 'Anonymous source' },
];

/** What a click on one data item selects, and how the quote list is titled. */
export interface ClickTarget {
  selection: QuoteSelection;
  title: string;
}

export interface ChartSpec {
  option: EChartsCoreOption;
  /** Maps a click (series index, data index, or an axis label value) to the quotes behind it. */
  click(seriesIndex: number, dataIndex: number, axisValue?: string): ClickTarget | null;
  empty: string | null;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function base(theme: ThemeColours): EChartsCoreOption {
  return {
    backgroundColor: 'transparent',
    color: theme.series,
    textStyle: { color: theme.foreground, fontFamily: theme.font },
    animation: false,
    legend: { top: 0, textStyle: { color: theme.foreground }, type: 'scroll', pageTextStyle: { color: theme.foreground } },
    tooltip: { confine: true, backgroundColor: theme.background, borderColor: theme.border, textStyle: { color: theme.foreground } },
  };
}

function axis(theme: ThemeColours) {
  return {
    axisLine: { lineStyle: { color: theme.border } },
    axisLabel: { color: theme.foreground },
    splitLine: { lineStyle: { color: theme.border } },
  };
}

/** Most quoted speakers: horizontal bars, one series per kind so the legend tells kinds apart. */
export function speakersChart(stats: CorpusStats, theme: ThemeColours): ChartSpec {
  const top = stats.speakers.slice(0, TOP_SPEAKERS).reverse();
  const names = top.map((s) => s.name);
  const option: EChartsCoreOption = {
    ...base(theme),
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, ...axis(theme) },
    yAxis: {
      type: 'category',
      data: names,
      triggerEvent: true,
      ...axis(theme),
      axisLabel: { color: theme.foreground, width: 180, overflow: 'truncate' },
    },
    tooltip: {
      ...(base(theme).tooltip as object),
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const s = top[p.dataIndex];
        return s ? `${escapeHtml(s.name)}<br>${s.quotes} quotes in ${s.files} articles (${escapeHtml(s.kind)})` : '';
      },
    },
    series: KINDS.map(({ kind, label }) => ({
      name: label,
      type: 'bar',
      stack: 'speakers',
      barMaxWidth: 18,
      data: top.map((s) => (s.kind === kind ? s.quotes : null)),
    })),
  };
  return {
    option,
    empty: top.length === 0 ? 'No quoted speakers in this selection.' : null,
    click: (_series, dataIndex, axisValue) => {
      const s = axisValue !== undefined ? top.find((t) => t.name === axisValue) : top[dataIndex];
      return s ? { selection: { speakerId: s.id }, title: `Quotes by ${s.name}` } : null;
    },
  };
}

/** Quotes over time by primary date: the most quoted speakers stacked, the rest as "Others". */
export function timelineChart(stats: CorpusStats, theme: ThemeColours): ChartSpec {
  const periods = stats.periods.map((p) => p.period);
  const shown = stats.speakers.slice(0, TIMELINE_SPEAKERS);
  const series = shown.map((s) => ({
    name: s.name,
    type: 'bar',
    stack: 'time',
    data: stats.periods.map((p) => p.speakers[s.id] ?? 0),
  }));
  series.push({
    name: 'Others',
    type: 'bar',
    stack: 'time',
    data: stats.periods.map((p) => p.quotes - shown.reduce((sum, s) => sum + (p.speakers[s.id] ?? 0), 0)),
  });
  const option: EChartsCoreOption = {
    ...base(theme),
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods, ...axis(theme) },
    yAxis: { type: 'value', minInterval: 1, ...axis(theme) },
    tooltip: {
      ...(base(theme).tooltip as object),
      trigger: 'item',
      formatter: (p: { seriesName: string; name: string; value: number }) =>
        `${escapeHtml(p.seriesName)}<br>${escapeHtml(p.name)}: ${p.value} quotes`,
    },
    series,
  };
  return {
    option,
    empty: periods.length === 0 ? 'No dated quotes in this selection.' : null,
    click: (seriesIndex, dataIndex) => {
      const period = periods[dataIndex];
      if (period === undefined) return null;
      const speaker = shown[seriesIndex];
      return speaker
        ? { selection: { period, speakerId: speaker.id }, title: `${speaker.name}, ${period}` }
        : { selection: { period }, title: `All quotes, ${period}` };
    },
  };
}

/** Tags per code, stacked by coder where tags say who made them. */
export function tagsChart(stats: CorpusStats, theme: ThemeColours): ChartSpec {
  const tags = stats.tags.map((t) => t.tag);
  const coders = [...new Set(stats.tags.flatMap((t) => Object.keys(t.coders)))].sort();
  const option: EChartsCoreOption = {
    ...base(theme),
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: tags, ...axis(theme) },
    yAxis: { type: 'value', minInterval: 1, ...axis(theme) },
    tooltip: {
      ...(base(theme).tooltip as object),
      trigger: 'item',
      formatter: (p: { seriesName: string; name: string; value: number }) =>
        `${escapeHtml(p.name)} by ${escapeHtml(p.seriesName)}: ${p.value}`,
    },
    series: coders.map((coder) => ({ name: coder, type: 'bar', stack: 'tags', data: stats.tags.map((t) => t.coders[coder] ?? 0) })),
  };
  return {
    option,
    empty: tags.length === 0 ? 'No tags in this selection.' : null,
    click: (seriesIndex, dataIndex) => {
      const tag = tags[dataIndex];
      const coder = coders[seriesIndex];
      if (tag === undefined) return null;
      const selection: QuoteSelection = coder === '(no coder)' || coder === undefined ? { tag } : { tag, coder };
      return { selection, title: `Quotes tagged ${tag}${selection.coder ? ` by ${selection.coder}` : ''}` };
    },
  };
}

/** Who appears with whom: articles in which both speakers are quoted, as a matrix. */
export function matrixChart(stats: CorpusStats, theme: ThemeColours): ChartSpec {
  const inPairs = new Set(stats.cooccurrence.flatMap((p) => [p.a, p.b]));
  const people = stats.speakers.filter((s) => inPairs.has(s.id)).slice(0, MATRIX_SPEAKERS);
  const index = new Map(people.map((s, i) => [s.id, i]));
  const cells: [number, number, number][] = [];
  for (const pair of stats.cooccurrence) {
    const a = index.get(pair.a);
    const b = index.get(pair.b);
    if (a === undefined || b === undefined) continue;
    cells.push([a, b, pair.files], [b, a, pair.files]);
  }
  const max = Math.max(1, ...cells.map((c) => c[2]));
  const names = people.map((s) => s.name);
  const option: EChartsCoreOption = {
    ...base(theme),
    legend: undefined,
    grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: names,
      ...axis(theme),
      axisLabel: { color: theme.foreground, rotate: 40, width: 110, overflow: 'truncate' },
    },
    yAxis: { type: 'category', data: names, ...axis(theme), axisLabel: { color: theme.foreground, width: 140, overflow: 'truncate' } },
    visualMap: { min: 0, max, show: false, inRange: { color: [theme.background, theme.series[0]] } },
    tooltip: {
      ...(base(theme).tooltip as object),
      trigger: 'item',
      formatter: (p: { value: [number, number, number] }) =>
        `${escapeHtml(names[p.value[0]] ?? '')} and ${escapeHtml(names[p.value[1]] ?? '')}: ${p.value[2]} articles`,
    },
    series: [
      {
        type: 'heatmap',
        data: cells,
        label: { show: true, color: theme.foreground },
        itemStyle: { borderColor: theme.border, borderWidth: 1 },
      },
    ],
  };
  return {
    option,
    empty: people.length < 2 ? 'No two speakers are quoted in the same article here.' : null,
    click: (_series, dataIndex) => {
      const cell = cells[dataIndex];
      if (!cell) return null;
      const a = people[cell[0]];
      const b = people[cell[1]];
      return { selection: { pair: [a.id, b.id] }, title: `${a.name} with ${b.name}` };
    },
  };
}
