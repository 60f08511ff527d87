import * as assert from 'node:assert/strict';
import { calendarOf } from '../../../src/core/calendar';
import type { DaySummary } from '../../../src/core/history/snapshot';
import { ReflectionStore } from '../../../src/core/reflection/store';
import { addDays } from '../../../src/core/sessions/localDay';
import { Dashboard } from '../../../src/host/dashboard';
import { DashboardPanel } from '../../../src/host/dashboardPanel';
import { OnDemand } from '../../../src/host/featureBundle';
import type { HistoryReader } from '../../../src/host/dashboardData';
import { FakeUri, installFakeVscode, MemoryMemento, type FakeLog, type FakeVscode, type FakeWebviewPanel } from '../../support/fakeVscode';
import { FakeTime } from '../history/fakes';
import { FakeCounts, totals } from './sources';

const TODAY = '2026-03-10';

function store(days: DaySummary[]): HistoryReader & { refreshes: number; refresh(): void } {
  return {
    refreshes: 0,
    refresh() {
      this.refreshes++;
    },
    days: (from, to) => days.filter((day) => day.date >= from && day.date <= to),
    sessionsOf: () => [],
    dayRange: () => (days.length ? { first: days[0].date, last: days[days.length - 1].date } : undefined),
  };
}

function daySummary(date: string, typed: number, aiInline: number): DaySummary {
  return { date, ...totals({ typed, aiInline }), deletedChars: 0, accepts: { inline: 0, chat: 0 }, activeMinutes: 30, sessions: 1, languages: {} };
}

type Posted = { type: string; [key: string]: unknown };

describe('Host: the dashboard panel and its messages', function () {
  let vscode: FakeVscode;
  let time: FakeTime;
  let counts: FakeCounts;
  let history: ReturnType<typeof store>;
  let dashboard: Dashboard;
  let log: FakeLog;
  let reflections: ReflectionStore;
  const panel = (): FakeWebviewPanel => vscode.panels[vscode.panels.length - 1];
  const posted = (): Posted[] => panel().webview.posted as Posted[];
  const types = (): string[] => posted().map((message) => message.type);

  beforeEach(function () {
    vscode = installFakeVscode();
    time = new FakeTime(Date.parse(`${TODAY}T10:00:00Z`));
    counts = new FakeCounts(vscode, TODAY);
    history = store([daySummary(addDays(TODAY, -3), 100, 100), daySummary(TODAY, 300, 100)]);
    log = vscode.window.createOutputChannel();
    reflections = new ReflectionStore(new MemoryMemento(), time);
    dashboard = new Dashboard({
      extensionUri: FakeUri.file('/extension') as never,
      source: { onDidChange: counts.onDidChange, getSnapshot: () => counts.getSnapshot(), store: history },
      reflections: { enabled: () => vscode.workspace.getConfiguration('ownershipRatio').get('reflection.enabled', true) as boolean, store: reflections },
      log: log as never,
      calendar: calendarOf(time, () => 0),
      scheduler: time,
    }, OnDemand.of(DashboardPanel));
  });

  afterEach(function () {
    dashboard.dispose();
  });

  it('renders the page under a strict policy with a fresh nonce, and posts a new panel\'s first view right behind it', function () {
    void dashboard.open();
    const html = panel().webview.html;
    const nonce = /nonce="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.ok(Buffer.from(nonce, 'base64').length >= 16);
    assert.match(html, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'`));
    assert.match(html, /https:\/\/webview\.test\/extension\/dist\/webview\/boot\.js/);
    // A new page has no view state: it shows the default range of this project, sent before it asks.
    assert.deepEqual(types(), ['init', 'glance', 'history']);
    assert.equal((posted()[2] as Posted & { history: { range: string } }).history.range, '30');
  });

  it('sends the first view again when "ready" asks for what was sent (what was posted before the page loaded may not reach it)', async function () {
    void dashboard.open();
    posted().length = 0;
    panel().receive({ type: 'ready', range: '30' });
    assert.deepEqual(types(), ['init', 'glance', 'history', 'focus']);
    await time.advance(0);
    assert.deepEqual(types(), ['init', 'glance', 'history', 'focus', 'insights']);
  });

  it('answers "ready" with the strings, the glance, the restored range\'s history and the place to show, then the insights a task later', async function () {
    void dashboard.open();
    counts.set({ typed: 300, aiInline: 100 });
    posted().length = 0;
    panel().receive({ type: 'ready', range: '7' });
    assert.deepEqual(types(), ['init', 'glance', 'history', 'focus'], 'the first view\'s messages leave before the insights are read');
    await time.advance(0);
    assert.deepEqual(types(), ['init', 'glance', 'history', 'focus', 'insights']);
    assert.equal(history.refreshes, 2, 'other windows\' counts are read before each opening sent (behind the HTML, then for the page\'s range)');
    const [init, glance, historyMessage] = posted() as [Posted & { strings: Record<string, string> }, Posted & { glance: { periods: Array<{ period: string; share: number | null }> } }, Posted & { history: { range: string; days: unknown[] } }];
    assert.equal(init.strings.title, 'Ownership Ratio');
    assert.equal(glance.glance.periods[0].share, 0.75);
    assert.equal(historyMessage.history.range, '7');
    assert.equal(historyMessage.history.days.length, 7);
  });

  it('answers requests for history, sessions and a reflection, and refuses a reflection for a future day', async function () {
    void dashboard.open();
    panel().receive({ type: 'ready' });
    await time.advance(0);
    posted().length = 0;
    panel().receive({ type: 'getHistory', range: 'all' });
    panel().receive({ type: 'getSessions', date: TODAY });
    panel().receive({ type: 'getReflection', date: TODAY });
    assert.deepEqual(types(), ['history', 'sessions', 'reflection']);
    assert.equal((posted()[0] as Posted & { history: { days: unknown[] } }).history.days.length, 4, 'all: from the first day with data');
    posted().length = 0;
    panel().receive({ type: 'saveReflection', date: addDays(TODAY, 1), ratings: { energy: 4 }, answers: {} });
    assert.deepEqual(posted(), [{ type: 'saved', date: addDays(TODAY, 1), ok: false }]);
    posted().length = 0;
    panel().receive({ type: 'saveReflection', date: TODAY, ratings: { energy: 4 }, answers: { proud: 'mine' } });
    await time.advance(0);
    assert.deepEqual(types(), ['saved', 'insights']);
    assert.equal(reflections.get(TODAY)?.answers.proud, 'mine');
  });

  it('ignores a message outside the protocol, and drops a flood with one line in the log', function () {
    void dashboard.open();
    posted().length = 0;
    panel().receive({ type: 'executeCommand', command: 'workbench.action.terminal.new' });
    assert.deepEqual(posted(), []);
    assert.match(log.lines.join('\n'), /ignored a message that does not match the protocol/);
    for (let i = 0; i < 500; i++) {
      panel().receive({ type: 'getSessions', date: TODAY });
    }
    assert.ok(posted().length <= 60, `${posted().length} answered`);
    assert.equal(log.lines.filter((line) => line.includes('too many messages')).length, 1);
  });

  it('follows the counts live while visible, at most four times a second, and not while hidden', async function () {
    void dashboard.open();
    panel().receive({ type: 'ready' });
    posted().length = 0;
    for (let typed = 1; typed <= 100; typed++) {
      counts.set({ typed });
      await time.advance(10);
    }
    await time.advance(250);
    const glances = posted().filter((message) => message.type === 'glance') as Array<Posted & { glance: { chars: { typed: number } } }>;
    assert.ok(glances.length >= 3 && glances.length <= 6, `${glances.length} updates in a second`);
    assert.equal(glances[glances.length - 1].glance.chars.typed, 100);
    const charts = types().filter((type) => type === 'history').length;
    assert.ok(charts >= 1 && charts <= 2, `${charts} chart updates in a second (at most one per 5 s after the first)`);
    panel().setVisible(false);
    posted().length = 0;
    counts.set({ typed: 101 });
    await time.advance(1_000);
    assert.deepEqual(posted(), [], 'a hidden page is gone: nothing is posted to it');
    panel().setVisible(true);
    panel().receive({ type: 'ready' });
    assert.ok(types().includes('glance'));
  });

  it('opens on the reflection when asked (at once when ready, else after "ready"), and reuses one panel', function () {
    void dashboard.open('reflection');
    panel().receive({ type: 'ready' });
    assert.equal(types()[types().length - 1], 'focus');
    void dashboard.open('reflection');
    assert.equal(vscode.panels.length, 1);
    assert.deepEqual(posted()[posted().length - 1], { type: 'focus', section: 'reflection' });
  });

  it('reloads the page when reflection is turned off, and leaves nothing behind when closed', function () {
    void dashboard.open();
    const first = panel().webview.html;
    vscode.setSetting('ownershipRatio.reflection.enabled', false);
    assert.notEqual(panel().webview.html, first);
    panel().dispose();
    assert.deepEqual(vscode.liveResources(), ['serializer'], 'only the serializer stays, until the dashboard goes');
    dashboard.dispose();
    assert.equal(vscode.liveListeners(), 0);
    assert.deepEqual(vscode.liveResources(), []);
    assert.equal(time.pendingTimers, 0);
  });
});
