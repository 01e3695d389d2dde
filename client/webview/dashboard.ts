// The dashboard webview: filters, four charts drawn by Apache ECharts (SVG renderer), the quotes behind a click,
// and SVG/PNG export. It computes nothing itself: the host brings the server's numbers. All document text is put
// into the page as text nodes, never as markup.
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { CorpusQuoteDto, CorpusSpeakerKind, DashboardParams, DashboardResult } from '../../shared/protocol';
import type { ToHost, ToWebview } from '../src/dashboardMessages';
import { matrixChart, speakersChart, tagsChart, timelineChart, type ChartSpec } from './charts';
import { onThemeChange, themeColours } from './theme';

echarts.use([BarChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer, CanvasRenderer]);

declare function acquireVsCodeApi(): { postMessage(message: ToHost): void };
const vscode = acquireVsCodeApi();

interface ChartSlot {
  id: string;
  title: string;
  build: typeof speakersChart;
  host: HTMLElement;
  note: HTMLElement;
  chart: echarts.ECharts | null;
  spec: ChartSpec | null;
}

const params: DashboardParams = { filter: {}, period: 'month' };
let latest: DashboardResult | null = null;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const root = document.getElementById('dashboard') as HTMLElement;
const header = element('header');
const heading = element('h1', {}, 'Seed Dashboard');
const summary = element('p', { class: 'summary', id: 'summary' }, 'Reading the corpus…');
const filters = element('form', { class: 'filters', id: 'filters' });
const status = element('p', { class: 'status', role: 'status', id: 'status' });
header.append(heading, summary, filters, status);

const from = element('input', { type: 'date', id: 'filter-from', 'aria-label': 'From date' });
const to = element('input', { type: 'date', id: 'filter-to', 'aria-label': 'To date' });
const tag = element('select', { id: 'filter-tag', 'aria-label': 'Tag' });
const period = element('select', { id: 'filter-period', 'aria-label': 'Period' });
period.append(element('option', { value: 'month' }, 'by month'), element('option', { value: 'week' }, 'by week'));
const kinds: Record<CorpusSpeakerKind, HTMLInputElement> = {
  person: element('input', { type: 'checkbox', id: 'kind-person', checked: '' }),
  organization: element('input', { type: 'checkbox', id: 'kind-organization', checked: '' }),
  anonymous: element('input', { type: 'checkbox', id: 'kind-anonymous', checked: '' }),
};
const labelled = (text: string, input: HTMLElement) => {
  const label = element('label', {}, text);
  label.append(input);
  return label;
};
const kindBox = element('fieldset');
kindBox.append(
  element('legend', {}, 'Speakers'),
  labelled('people ', kinds.person),
  labelled('organizations ', kinds.organization),
  labelled('anonymous ', kinds.anonymous),
);
const reset = element('button', { type: 'button', id: 'filter-reset' }, 'Reset');
filters.append(labelled('From ', from), labelled('To ', to), kindBox, labelled('Tag ', tag), labelled('Quotes ', period), reset);

const grid = element('section', { class: 'charts' });
const quotes = element('aside', { class: 'quotes', id: 'quotes', 'aria-live': 'polite' });
quotes.append(element('h2', {}, 'Quotes'), element('p', { class: 'hint' }, 'Click a bar, a point or a cell to list the quotes behind it.'));
root.append(header, grid, quotes);

const slots: ChartSlot[] = [
  { id: 'speakers', title: 'Most quoted speakers', build: speakersChart },
  { id: 'timeline', title: 'Quotes over time (primary date)', build: timelineChart },
  { id: 'tags', title: 'Tags per code and coder', build: tagsChart },
  { id: 'matrix', title: 'Who appears with whom (articles)', build: matrixChart },
].map(({ id, title, build }) => {
  const card = element('article', { class: 'card', id: `card-${id}` });
  const bar = element('div', { class: 'card-head' });
  const svg = element('button', { type: 'button', class: 'export', 'data-format': 'svg', title: `Export "${title}" as SVG` }, 'SVG');
  const png = element('button', { type: 'button', class: 'export', 'data-format': 'png', title: `Export "${title}" as PNG` }, 'PNG');
  bar.append(element('h2', {}, title), svg, png);
  const host = element('div', { class: 'chart', id: `chart-${id}` });
  const note = element('p', { class: 'empty' });
  card.append(bar, host, note);
  grid.append(card);
  const slot: ChartSlot = { id, title, build, host, note, chart: null, spec: null };
  svg.addEventListener('click', () => exportChart(slot, 'svg'));
  png.addEventListener('click', () => exportChart(slot, 'png'));
  return slot;
});

function readFilters(): void {
  params.filter = {};
  if (from.value) params.filter.from = from.value;
  if (to.value) params.filter.to = to.value;
  const chosen = (Object.keys(kinds) as CorpusSpeakerKind[]).filter((k) => kinds[k].checked);
  if (chosen.length < 3) params.filter.kinds = chosen;
  if (tag.value) params.filter.tag = tag.value;
  params.period = period.value === 'week' ? 'week' : 'month';
}

function query(): void {
  readFilters();
  vscode.postMessage({ type: 'query', params: { ...params, filter: { ...params.filter } } });
}

for (const input of [from, to, tag, period, ...Object.values(kinds)]) input.addEventListener('change', query);
reset.addEventListener('click', () => {
  from.value = '';
  to.value = '';
  tag.value = '';
  period.value = 'month';
  for (const box of Object.values(kinds)) box.checked = true;
  query();
});

function render(result: DashboardResult, scope: string): void {
  latest = result;
  const { stats } = result;
  summary.textContent =
    `${stats.quotes} quotes by ${stats.speakers.length} speakers in ${stats.files} articles of ${scope}` +
    `${stats.undated > 0 ? ` (${stats.undated} quotes undated)` : ''} — computed in ${result.elapsedMs} ms`;
  if (!from.value && result.firstDate) from.placeholder = result.firstDate;
  if (!to.value && result.lastDate) to.placeholder = result.lastDate;
  const chosenTag = tag.value;
  tag.replaceChildren(element('option', { value: '' }, 'any'), ...result.tags.map((t) => element('option', { value: t }, t)));
  tag.value = result.tags.includes(chosenTag) ? chosenTag : '';
  drawCharts();
  root.setAttribute('aria-busy', 'false');
  status.textContent = '';
}

function drawCharts(): void {
  if (!latest) return;
  const theme = themeColours();
  for (const slot of slots) {
    const spec = slot.build(latest.stats, theme);
    slot.spec = spec;
    slot.note.textContent = spec.empty ?? '';
    slot.host.classList.toggle('is-empty', spec.empty !== null);
    if (!slot.chart) {
      slot.chart = echarts.init(slot.host, undefined, { renderer: 'svg' });
      slot.chart.on('click', (event) => {
        const e = event as { componentType: string; seriesIndex?: number; dataIndex?: number; value?: unknown };
        const target =
          e.componentType === 'yAxis' || e.componentType === 'xAxis'
            ? slot.spec?.click(-1, -1, String(e.value))
            : slot.spec?.click(e.seriesIndex ?? 0, e.dataIndex ?? 0);
        if (!target) return;
        status.textContent = `Listing: ${target.title}…`;
        vscode.postMessage({
          type: 'select',
          params: { ...params, filter: { ...params.filter } },
          selection: target.selection,
          title: target.title,
        });
      });
    }
    slot.chart.setOption(spec.option, { notMerge: true });
    // An empty chart is drawn short: its size may just have changed.
    slot.chart.resize();
  }
}

function showQuotes(title: string, list: CorpusQuoteDto[]): void {
  const items = element('ol', { class: 'quote-list' });
  for (const quote of list) {
    const item = element('li');
    const open = element('button', { type: 'button', class: 'quote', title: 'Open in the editor' });
    open.append(
      element('span', { class: 'quote-date' }, quote.date ?? 'undated'),
      element('span', { class: 'quote-speaker' }, quote.speaker ?? 'no speaker'),
      element('span', { class: 'quote-file' }, decodeURIComponent(quote.uri.slice(quote.uri.lastIndexOf('/') + 1))),
      element('span', { class: 'quote-text' }, quote.text),
    );
    open.addEventListener('click', () => vscode.postMessage({ type: 'open', quote: { uri: quote.uri, range: quote.range } }));
    item.append(open);
    items.append(item);
  }
  quotes.replaceChildren(element('h2', {}, `${title} (${list.length})`), items);
  status.textContent = '';
}

function exportChart(slot: ChartSlot, format: 'svg' | 'png'): void {
  if (!slot.chart || !slot.spec) return;
  if (format === 'svg') {
    vscode.postMessage({ type: 'export', chart: slot.id, format, data: slot.chart.renderToSVGString() });
    return;
  }
  // PNG: the same chart drawn once more by ECharts' canvas renderer, off screen, at twice the size.
  const { width, height } = slot.host.getBoundingClientRect();
  const stage = element('div', { class: 'offscreen' });
  stage.style.width = `${Math.round(width)}px`;
  stage.style.height = `${Math.round(height)}px`;
  document.body.append(stage);
  const canvas = echarts.init(stage, undefined, { renderer: 'canvas', width: Math.round(width), height: Math.round(height) });
  try {
    canvas.setOption(slot.spec.option);
    const data = canvas.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: themeColours().background });
    vscode.postMessage({ type: 'export', chart: slot.id, format, data });
  } catch (error) {
    status.textContent = `The chart could not be turned into a PNG: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    canvas.dispose();
    stage.remove();
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'busy':
      root.setAttribute('aria-busy', 'true');
      status.textContent = message.message;
      return;
    case 'stats':
      render(message.result, message.scope);
      return;
    case 'quotes':
      showQuotes(message.title, message.quotes);
      return;
    case 'error':
      root.setAttribute('aria-busy', 'false');
      status.textContent = `Error: ${message.message}`;
      return;
    case 'exported':
      status.textContent = `Saved ${message.path}`;
      return;
  }
});
// Charts follow their boxes (the window, the panel, an empty chart growing back).
const resized = new ResizeObserver(() => {
  for (const slot of slots) slot.chart?.resize();
});
for (const slot of slots) resized.observe(slot.host);
onThemeChange(drawCharts);
vscode.postMessage({ type: 'ready' });
