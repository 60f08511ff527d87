import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { format, parseISO } from 'date-fns';
import { enUS, nl } from 'date-fns/locale';
import { CATEGORIES } from '../core/categories';
import type { Snapshot } from '../core/history/snapshot';
import type { Insights } from '../core/reflection/insights';
import { ANSWER_KEYS, MAX_ANSWER_LENGTH, RATING_KEYS, type AnswerKey, type RatingKey, type ReflectionEntry } from '../core/reflection/model';
import { parseToWebview, RANGES, type FromWebviewMessage, type HistoryPayload, type RangeKey, type SessionPoint } from '../protocol';
import { BOOT_GLOBAL, type DashboardBoot } from './vscodeApi';

// Only the parts drawn here: bars, lines, their scales, tooltips and the legend.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** What survives a hidden panel and a window reload (`getState`/`setState` + the panel serializer). */
interface ViewState {
  range: RangeKey;
  /** The day whose sessions are shown. */
  day?: string;
  /** The day whose reflection is open. */
  reflectionDay?: string;
}

/** The boot script (loaded first in the page) holds the API, has said "ready" and kept the answers. */
const boot = (window as unknown as Record<string, DashboardBoot>)[BOOT_GLOBAL];
const vscode = boot.vscode;
const app = document.getElementById('app') as HTMLElement;
let strings: Readonly<Record<string, string>> = {};
/** Whether "init" (strings, locale, settings) has arrived: everything else is shown only after it. */
let initialised = false;
let locale = 'en';
let reflectionEnabled = false;
let today: string | undefined;
/** Snapshots rendered so far: lets a test see a refresh round-trip complete. */
let renderCount = 0;
let cspViolations = 0;
const state: ViewState = restoreState();
let lastHistory: HistoryPayload | undefined;
let lastSessions: { date: string; sessions: readonly SessionPoint[] } | undefined;
const charts = new Map<string, Chart>();

const sections = {
  today: section('today'),
  history: section('history'),
  languages: section('languages'),
  sessions: section('sessions'),
  reflection: section('reflection'),
  insights: section('insights'),
};

document.addEventListener('securitypolicyviolation', () => {
  app.dataset.cspViolations = String(++cspViolations);
});

window.addEventListener('message', (event: MessageEvent<unknown>) => onMessage(event.data));

function onMessage(data: unknown): void {
  const message = parseToWebview(data);
  if (!message) {
    return;
  }
  switch (message.type) {
    case 'init':
      initialised = true;
      strings = message.strings;
      locale = message.locale;
      reflectionEnabled = message.reflection;
      document.title = t('title');
      renderFrame();
      return;
    case 'snapshot': {
      if (!initialised) {
        // Before "init" nothing can be shown (no strings, no settings); the answer to "ready" follows.
        return;
      }
      const first = today === undefined;
      today = message.snapshot.today.date;
      renderToday(message.snapshot);
      if (first) {
        post({ type: 'getSessions', date: state.day ?? today });
        if (reflectionEnabled) {
          post({ type: 'getReflection', date: state.reflectionDay ?? today });
        }
      }
      return;
    }
    case 'history':
      app.dataset.historyAt ??= String(Date.now());
      lastHistory = message.history;
      renderHistory(message.history);
      return;
    case 'sessions':
      lastSessions = { date: message.date, sessions: message.sessions };
      renderSessions(message.date, message.sessions);
      return;
    case 'reflection':
      renderReflection(message.date, message.today, message.entry, message.dates);
      return;
    case 'saved':
      // A later edit still on its way keeps the status at "saving".
      if (!message.ok || !savePending) {
        setSaveStatus(message.ok ? t('saved') : t('saveFailed'), message.ok ? 'saved' : 'failed');
      }
      return;
    case 'insights':
      renderInsights(message.insights);
      return;
    case 'focus':
      focusReflection();
      return;
  }
}

// The theme changed (VS Code swaps the body class and the CSS variables): redraw with its colours.
new MutationObserver(() => redrawCharts()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') {
    flushReflection();
  }
});
window.addEventListener('pagehide', () => flushReflection());

app.dataset.scriptAt = String(Date.now());
// Synchronous with the listener above: no message can slip between the two.
for (const data of boot.takeOver()) {
  onMessage(data);
}

// ------------------------------------------------------------------ helpers

function post(message: FromWebviewMessage): void {
  vscode.postMessage(message);
}

function restoreState(): ViewState {
  const saved = vscode.getState() as Partial<ViewState> | undefined;
  const range = (RANGES as readonly string[]).includes(String(saved?.range)) ? (saved?.range as RangeKey) : '30';
  const dayOrUndefined = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  return { range, day: dayOrUndefined(saved?.day), reflectionDay: dayOrUndefined(saved?.reflectionDay) };
}

function saveState(): void {
  vscode.setState({ ...state });
}

function t(key: string, ...args: Array<string | number>): string {
  const template = strings[key] ?? key;
  return template.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)] ?? ''));
}

/** Builds an element with text content only: what we show is never parsed as HTML. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function section(id: string): HTMLElement {
  const node = element('section');
  node.id = id;
  return node;
}

function dateLocale() {
  return locale.toLowerCase().startsWith('nl') ? nl : enUS;
}

function formatDay(date: string, pattern: string): string {
  const parsed = parseISO(date);
  return Number.isNaN(parsed.getTime()) ? date : format(parsed, pattern, { locale: dateLocale() });
}

function formatTime(iso: string): string {
  // The host sends local ISO times (`…T09:15:00.000+01:00`): show the local clock time as written.
  const match = /T(\d{2}:\d{2})/.exec(iso);
  return match ? match[1] : iso;
}

function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString(locale) : '0';
}

/** A share 0–1 as a whole percentage, or the "no ratio" text: never `NaN%`. */
function percent(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${Math.round(value * 100)}%` : t('noValue');
}

function percentOrNull(value: number | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1000) / 10 : null;
}

function table(id: string, headers: readonly string[], rows: ReadonlyArray<readonly string[]>, numericFrom = 1): HTMLTableElement {
  const node = element('table', undefined, 'data');
  node.id = id;
  const head = node.createTHead().insertRow();
  for (const header of headers) {
    const cell = element('th', header);
    cell.scope = 'col';
    head.append(cell);
  }
  const body = node.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((value, column) => {
      if (column === 0) {
        const cell = element('th', value);
        cell.scope = 'row';
        tr.append(cell);
      } else {
        tr.append(element('td', value, column >= numericFrom ? 'number' : undefined));
      }
    });
  }
  return node;
}

/** Tables the user opened stay open when their chart is drawn again (a range switch, new data). */
const openTables = new Set<string>();

/**
 * A chart with its data as a table behind it, for screen readers and for reading exact values.
 * The table is built when first opened: a year of days is thousands of cells nobody may read.
 */
function chartBlock(id: string, label: string, dataTable: () => HTMLTableElement, tall = false): { block: HTMLElement; canvas: HTMLCanvasElement } {
  const block = element('div', undefined, 'chart-block');
  const wrapper = element('div', undefined, tall ? 'chart tall' : 'chart');
  const canvas = element('canvas');
  canvas.id = id;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  wrapper.append(canvas);
  const details = element('details');
  details.id = `${id}-details`;
  details.append(element('summary', t('showTable')));
  details.addEventListener('toggle', () => {
    if (details.open) {
      openTables.add(id);
      if (details.childElementCount === 1) {
        details.append(dataTable());
      }
    } else {
      openTables.delete(id);
    }
  });
  if (openTables.has(id)) {
    details.open = true;
    details.append(dataTable());
  }
  block.append(wrapper, details);
  return { block, canvas };
}

function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value || fallback;
}

function palette() {
  return {
    typed: cssColor('--vscode-charts-blue', '#3794ff'),
    aiInline: cssColor('--vscode-charts-purple', '#b180d7'),
    aiChat: cssColor('--vscode-charts-orange', '#d18616'),
    paste: cssColor('--vscode-charts-yellow', '#cca700'),
    ratio: cssColor('--vscode-charts-green', '#89d185'),
    rolling: cssColor('--vscode-charts-foreground', cssColor('--vscode-foreground', '#cccccc')),
    text: cssColor('--vscode-foreground', '#cccccc'),
    grid: cssColor('--vscode-charts-lines', cssColor('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)')),
    font: cssColor('--vscode-font-family', 'sans-serif'),
  };
}

function drawChart(id: string, canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  charts.get(id)?.destroy();
  const colors = palette();
  Chart.defaults.color = colors.text;
  Chart.defaults.borderColor = colors.grid;
  Chart.defaults.font.family = colors.font;
  const chart = new Chart(canvas, config);
  charts.set(id, chart);
  return chart;
}

function redrawCharts(): void {
  if (lastHistory) {
    renderHistory(lastHistory);
  }
  if (lastSessions) {
    renderSessions(lastSessions.date, lastSessions.sessions);
  }
}

// ------------------------------------------------------------------ frame

function renderFrame(): void {
  const header = element('header');
  header.append(element('h1', t('title')));
  const parts: HTMLElement[] = [header, sections.today, sections.history, sections.languages, sections.sessions];
  if (reflectionEnabled) {
    parts.push(sections.reflection, sections.insights);
  }
  app.replaceChildren(...parts);
}

// ------------------------------------------------------------------ today

function renderToday(snapshot: Snapshot): void {
  const { today: day } = snapshot;
  const heading = element('h2', `${t('today')} · ${formatDay(day.date, 'PPPP')}`);

  const glance = element('div', undefined, 'glance');
  glance.setAttribute('aria-label', t('today'));
  if (day.ownershipRatio === null || !Number.isFinite(day.ownershipRatio)) {
    glance.append(element('p', t('noEditsYet'), 'empty'));
  } else {
    const ratio = element('p', undefined, 'ratio');
    ratio.id = 'today-ratio';
    ratio.append(element('span', percent(day.ownershipRatio), 'ratio-value'), element('span', ` ${t('yours')}`));
    glance.append(ratio);
  }

  const breakdown = element('table', undefined, 'breakdown');
  breakdown.id = 'today-breakdown';
  const head = breakdown.createTHead().insertRow();
  head.append(element('th', t('category')), element('th', t('characters')));
  const body = breakdown.createTBody();
  for (const category of CATEGORIES) {
    const row = body.insertRow();
    row.dataset.category = category;
    row.append(element('td', t(`category.${category}`)), element('td', count(day.chars[category]), 'number'));
  }
  const ai = day.chars.aiInline + day.chars.aiChat;
  const notes = element('p', ai > 0 ? `${t('estimatedShare', count(day.estimatedAiChars), count(ai))} ${t('unitNote')}` : t('unitNote'), 'muted');

  const refresh = element('button', t('refresh'));
  refresh.id = 'refresh';
  refresh.type = 'button';
  refresh.addEventListener('click', () => {
    post({ type: 'refresh' });
    post({ type: 'getHistory', range: state.range });
    if (today) {
      post({ type: 'getSessions', date: state.day ?? today });
    }
  });

  sections.today.replaceChildren(heading, glance, breakdown, notes, refresh);
  app.dataset.renders = String(++renderCount);
}

// ------------------------------------------------------------------ history

function rangeSwitcher(): HTMLElement {
  const group = element('div', undefined, 'range-switcher');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t('period'));
  for (const range of RANGES) {
    const button = element('button', t(`range.${range}`), 'toggle');
    button.type = 'button';
    button.id = `range-${range}`;
    button.setAttribute('aria-pressed', String(range === state.range));
    button.addEventListener('click', () => {
      state.range = range;
      saveState();
      group.querySelectorAll('button').forEach((other) => other.setAttribute('aria-pressed', String(other === button)));
      post({ type: 'getHistory', range });
    });
    group.append(button);
  }
  return group;
}

function renderHistory(history: HistoryPayload): void {
  const heading = element('h2', t('daily'));
  const parts: HTMLElement[] = [heading, rangeSwitcher()];
  app.dataset.range = history.range;
  app.dataset.historyDays = String(history.days.length);
  if (history.days.length === 0) {
    const empty = element('p', t('noHistory'), 'empty');
    empty.id = 'history-empty';
    parts.push(empty);
    sections.history.replaceChildren(...parts);
    charts.get('daily')?.destroy();
    charts.delete('daily');
    renderLanguages(history);
    return;
  }
  const summary = element('p', history.ratio === null ? t('noValue') : t('periodShare', Math.round(history.ratio * 100)), 'muted');
  summary.id = 'history-share';
  parts.push(summary);
  const long = history.days.length > 120;
  const labels = history.days.map((day) => formatDay(day.date, long ? 'd MMM yy' : 'EEE d MMM'));
  const dataTable = () => table('daily-table', [t('date'), t('category.typed'), t('category.aiInline'), t('category.aiChat'), t('category.paste'), t('shareLine'), t('rollingLine')],
    history.days.map((day) => [formatDay(day.date, 'PP'), count(day.typed), count(day.aiInline), count(day.aiChat), count(day.paste), percent(day.ratio), percent(day.rolling)]));
  const { block, canvas } = chartBlock('daily-chart', t('daily'), dataTable, true);
  parts.push(block);
  sections.history.replaceChildren(...parts);
  const colors = palette();
  const bar = (key: 'typed' | 'aiInline' | 'aiChat' | 'paste') => ({
    type: 'bar' as const,
    label: t(`category.${key}`),
    data: history.days.map((day) => day[key]),
    backgroundColor: colors[key],
    stack: 'chars',
    yAxisID: 'y',
    order: 2,
  });
  drawChart('daily', canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        bar('typed'), bar('aiInline'), bar('aiChat'), bar('paste'),
        { type: 'line', label: t('shareLine'), data: history.days.map((day) => percentOrNull(day.ratio)), borderColor: colors.ratio, backgroundColor: colors.ratio, yAxisID: 'ratio', pointRadius: long ? 0 : 2, borderWidth: 2, spanGaps: false, order: 1 },
        { type: 'line', label: t('rollingLine'), data: history.days.map((day) => percentOrNull(day.rolling)), borderColor: colors.rolling, backgroundColor: colors.rolling, borderDash: [6, 4], yAxisID: 'ratio', pointRadius: 0, borderWidth: 2, spanGaps: true, order: 0 },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: {
          labels: {
            sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
            // Lines as (dashed) lines in the legend, bars as boxes: a filled box with a dashed border reads as a smudge.
            usePointStyle: true,
            pointStyleWidth: 28,
            generateLabels: (chart) => Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => ({
              ...item,
              pointStyle: chart.data.datasets[item.datasetIndex ?? 0]?.type === 'line' ? 'line' : 'rect',
            })),
          },
        },
      },
      scales: {
        x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: t('characters') } },
        ratio: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, ticks: { callback: (value) => `${value}%` } },
      },
      onClick: (_event, elements) => {
        const index = elements[0]?.index;
        if (index !== undefined && history.days[index]) {
          chooseDay(history.days[index].date);
        }
      },
    },
  });
  markPainted();
  renderLanguages(history);
}

/** Records when the first chart, and the latest one, was painted (the dashboard benchmark reads them). */
function markPainted(): void {
  requestAnimationFrame(() => {
    const now = String(Date.now());
    app.dataset.chartPaintedAt ??= now;
    app.dataset.chartUpdatedAt = now;
  });
}

function renderLanguages(history: HistoryPayload): void {
  const heading = element('h2', t('languages'));
  if (history.languages.length === 0) {
    sections.languages.replaceChildren(heading, element('p', t('noLanguages'), 'empty'));
    charts.get('languages')?.destroy();
    charts.delete('languages');
    return;
  }
  const dataTable = () => table('language-table', [t('language'), t('own'), t('ai'), t('share')],
    history.languages.map((point) => [point.language, count(point.own), count(point.ai), percent(point.own + point.ai > 0 ? point.own / (point.own + point.ai) : null)]));
  const { block, canvas } = chartBlock('language-chart', t('languages'), dataTable);
  sections.languages.replaceChildren(heading, block);
  const colors = palette();
  drawChart('languages', canvas, {
    type: 'bar',
    data: {
      labels: history.languages.map((point) => point.language),
      datasets: [
        { label: t('own'), data: history.languages.map((point) => point.own), backgroundColor: colors.typed, stack: 'chars' },
        { label: t('ai'), data: history.languages.map((point) => point.ai), backgroundColor: colors.aiInline, stack: 'chars' },
      ],
    },
    options: {
      animation: false,
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } },
    },
  });
}

// ------------------------------------------------------------------ sessions

function chooseDay(date: string): void {
  state.day = date;
  saveState();
  post({ type: 'getSessions', date });
}

function dayPicker(id: string, selected: string, days: readonly string[], onChange: (date: string) => void): HTMLElement {
  const label = element('label', `${t('chooseDay')} `, 'picker');
  const select = element('select');
  select.id = id;
  for (const date of [...new Set([selected, ...days])].sort().reverse()) {
    const option = element('option', formatDay(date, 'PPPP'));
    option.value = date;
    option.selected = date === selected;
    select.append(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  label.append(select);
  return label;
}

function renderSessions(date: string, sessions: readonly SessionPoint[]): void {
  const heading = element('h2', t('sessions'));
  const days = (lastHistory?.days ?? []).filter((day) => day.sessions > 0 || day.typed + day.aiInline + day.aiChat + day.paste > 0).map((day) => day.date);
  const picker = dayPicker('session-day', date, today ? [today, ...days] : days, chooseDay);
  if (sessions.length === 0) {
    const empty = element('p', t('noSessions'), 'empty');
    empty.id = 'sessions-empty';
    sections.sessions.replaceChildren(heading, picker, empty);
    charts.get('sessions')?.destroy();
    charts.delete('sessions');
    return;
  }
  const dataTable = () => table('sessions-table', [t('start'), t('end'), t('minutes'), t('own'), t('ai'), t('category.paste'), t('share')],
    sessions.map((s) => [formatTime(s.start), formatTime(s.end), count(s.minutes), count(s.own), count(s.ai), count(s.paste), percent(s.ratio)]));
  const { block, canvas } = chartBlock('sessions-chart', t('sessions'), dataTable);
  sections.sessions.replaceChildren(heading, picker, block);
  const colors = palette();
  drawChart('sessions', canvas, {
    type: 'bar',
    data: {
      labels: sessions.map((s) => `${formatTime(s.start)}–${formatTime(s.end)}`),
      datasets: [
        { label: t('own'), data: sessions.map((s) => s.own), backgroundColor: colors.typed, stack: 'chars' },
        { label: t('ai'), data: sessions.map((s) => s.ai), backgroundColor: colors.aiInline, stack: 'chars' },
      ],
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
  });
}

// ------------------------------------------------------------------ reflection

interface Draft {
  date: string;
  ratings: Partial<Record<RatingKey, number>>;
  answers: Partial<Record<AnswerKey, string>>;
}
let draft: Draft | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let savePending = false;
let lastSaveAt = 0;
/**
 * Edits go to the extension as they are made (at most every 250 ms while typing), not when the
 * panel closes: without retained context a hidden or closed page is torn down, and a message sent
 * then can be lost.
 */
const SAVE_INTERVAL_MS = 250;

function scheduleSave(): void {
  savePending = true;
  setSaveStatus(t('saving'), 'saving');
  const wait = lastSaveAt + SAVE_INTERVAL_MS - Date.now();
  if (wait <= 0) {
    flushReflection();
  } else {
    saveTimer ??= setTimeout(flushReflection, wait);
  }
}

function flushReflection(): void {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  if (!savePending || !draft) {
    return;
  }
  savePending = false;
  lastSaveAt = Date.now();
  const ratings: Partial<Record<RatingKey, number | null>> = {};
  for (const key of RATING_KEYS) {
    ratings[key] = draft.ratings[key] ?? null;
  }
  const answers: Partial<Record<AnswerKey, string>> = {};
  for (const key of ANSWER_KEYS) {
    answers[key] = (draft.answers[key] ?? '').slice(0, MAX_ANSWER_LENGTH);
  }
  post({ type: 'saveReflection', date: draft.date, ratings, answers });
}

function setSaveStatus(text: string, kind: string): void {
  const status = document.getElementById('reflection-status');
  if (status) {
    status.textContent = text;
    status.dataset.state = kind;
  }
}

function renderReflection(date: string, todayKey: string, entry: ReflectionEntry | null, dates: readonly string[]): void {
  flushReflection();
  draft = { date, ratings: { ...entry?.ratings }, answers: { ...entry?.answers } };
  const heading = element('h2', t('reflection'));
  const intro = element('p', `${t('reflectionIntro')} ${t('scale')}`, 'muted');
  const picker = dayPicker('reflection-day', date, [todayKey, ...dates], (chosen) => {
    state.reflectionDay = chosen === todayKey ? undefined : chosen;
    saveState();
    post({ type: 'getReflection', date: chosen });
  });
  const form = element('form', undefined, 'reflection-form');
  form.id = 'reflection-form';
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const key of RATING_KEYS) {
    const fieldset = element('fieldset', undefined, 'rating');
    fieldset.dataset.rating = key;
    fieldset.append(element('legend', t(`rating.${key}`)));
    const buttons: HTMLButtonElement[] = [];
    for (let value = 1; value <= 5; value++) {
      const button = element('button', String(value), 'toggle');
      button.type = 'button';
      button.dataset.value = String(value);
      button.setAttribute('aria-pressed', String(draft.ratings[key] === value));
      button.addEventListener('click', () => {
        if (!draft) {
          return;
        }
        // A second tap on the chosen value clears it.
        draft.ratings[key] = draft.ratings[key] === value ? undefined : value;
        buttons.forEach((other) => other.setAttribute('aria-pressed', String(draft?.ratings[key] === Number(other.dataset.value))));
        scheduleSave();
      });
      buttons.push(button);
    }
    const row = element('div', undefined, 'rating-buttons');
    row.append(...buttons);
    fieldset.append(row);
    form.append(fieldset);
  }
  for (const key of ANSWER_KEYS) {
    const label = element('label', undefined, 'answer');
    label.append(element('span', t(`answer.${key}`)));
    const area = element('textarea');
    area.id = `answer-${key}`;
    area.rows = 2;
    area.maxLength = MAX_ANSWER_LENGTH;
    area.value = draft.answers[key] ?? '';
    area.addEventListener('input', () => {
      if (draft) {
        draft.answers[key] = area.value;
        scheduleSave();
      }
    });
    label.append(area);
    form.append(label);
  }
  const status = element('p', '', 'muted');
  status.id = 'reflection-status';
  status.setAttribute('role', 'status');
  sections.reflection.replaceChildren(heading, intro, picker, form, status);
  sections.reflection.dataset.date = date;
  if (focusPending && date === todayKey) {
    focusReflection();
  }
}

let focusPending = false;

/** Opens today's reflection (command "Reflect on Today"): once its form is there, scroll to it and focus it. */
function focusReflection(): void {
  if (!reflectionEnabled) {
    return;
  }
  if (!today || sections.reflection.dataset.date !== today) {
    focusPending = true;
    state.reflectionDay = undefined;
    saveState();
    if (today) {
      post({ type: 'getReflection', date: today });
    }
    return;
  }
  focusPending = false;
  sections.reflection.scrollIntoView({ block: 'start' });
  sections.reflection.querySelector<HTMLButtonElement>('fieldset button')?.focus();
}

// ------------------------------------------------------------------ insights

const INSIGHT_KEYS: readonly RatingKey[] = ['enjoyment', 'boredom', 'energy', 'autonomy'];

function renderInsights(insights: Insights): void {
  const heading = element('h2', t('insights'));
  const parts: HTMLElement[] = [heading];
  const { comparison, solo } = insights;
  if (comparison.status === 'ready') {
    const mean = (value: number | null) => (value === null || !Number.isFinite(value) ? '–' : value.toFixed(1));
    const group = (g: typeof comparison.higher) => t('groupRange', g.days, Math.round(g.minRatio * 100), Math.round(g.maxRatio * 100));
    const node = table('insights-table', [t('rating'), `${t('higher')} (${group(comparison.higher)})`, `${t('lower')} (${group(comparison.lower)})`],
      INSIGHT_KEYS.map((key) => [t(`rating.${key}`), mean(comparison.higher.means[key]), mean(comparison.lower.means[key])]));
    parts.push(node);
  } else {
    const note = element('p', t('notEnough', comparison.needed, comparison.reflectedDays), 'empty');
    note.id = 'insights-not-enough';
    parts.push(note);
  }
  parts.push(element('h3', t('solo')));
  parts.push(element('p', solo.sessions > 0 ? t('soloText', solo.blocks, solo.sessions, count(solo.minutes), count(solo.longestMinutes), solo.longestDayStreak) : t('noSolo')));
  if (comparison.status === 'ready') {
    parts.push(element('p', t('caveat'), 'muted caveat'));
  }
  sections.insights.replaceChildren(...parts);
}
