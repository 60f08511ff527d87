import * as assert from 'node:assert/strict';
import { calendarOf } from '../../../src/core/calendar';
import type { OtherProject } from '../../../src/core/history/allProjects';
import { encodeProjectFile, type ProjectFile } from '../../../src/core/history/projectTotals';
import type { DaySummary } from '../../../src/core/history/snapshot';
import { ReflectionStore } from '../../../src/core/reflection/store';
import { addDays } from '../../../src/core/sessions/localDay';
import type { ProjectsPayload } from '../../../src/protocol';
import { Dashboard } from '../../../src/host/dashboard';
import { DashboardPanel } from '../../../src/host/dashboardPanel';
import { OnDemand } from '../../../src/host/featureBundle';
import type { HistoryReader } from '../../../src/host/dashboardData';
import { PROJECTS_REREAD_MS } from '../../../src/host/dashboardScope';
import { FakeUri, installFakeVscode, MemoryMemento, type FakeVscode, type FakeWebviewPanel } from '../../support/fakeVscode';
import { FakeTime } from '../history/fakes';
import { FakeCounts, totals } from './sources';

const TODAY = '2026-03-10';

function daySummary(date: string, typed: number, aiInline: number): DaySummary {
  return { date, ...totals({ typed, aiInline }), deletedChars: 0, accepts: { inline: 0, chat: 0 }, activeMinutes: 30, sessions: 1, languages: { typescript: totals({ typed, aiInline }).chars } };
}

type Posted = { type: string; [key: string]: unknown };
type HistoryPosted = Posted & { history: { days: Array<{ date: string; typed: number; aiInline: number }>; ratio: number | null; languages: unknown[] } };
type GlancePosted = Posted & { glance: { chars: { typed: number }; periods: Array<{ period: string; own: number; ai: number }> } };

describe('Host: the dashboard\'s "This project / All projects"', function () {
  let vscode: FakeVscode;
  let time: FakeTime;
  let counts: FakeCounts;
  let dashboard: Dashboard;
  let others: OtherProject[];
  let reads: number;
  let removed: string[];
  const panel = (): FakeWebviewPanel => vscode.panels[vscode.panels.length - 1];
  const posted = (): Posted[] => panel().webview.posted as Posted[];
  const last = <T extends Posted>(type: string): T => posted().filter((message) => message.type === type).pop() as T;
  const settle = () => time.advance(0);

  beforeEach(function () {
    vscode = installFakeVscode();
    time = new FakeTime(Date.parse(`${TODAY}T10:00:00Z`));
    counts = new FakeCounts(vscode, TODAY);
    counts.set({ typed: 300, aiInline: 100 });
    const days = [daySummary(addDays(TODAY, -3), 100, 100), daySummary(TODAY, 300, 100)];
    const history: HistoryReader & { refresh(): void } = {
      refresh: () => undefined,
      days: (from, to) => days.filter((day) => day.date >= from && day.date <= to),
      sessionsOf: () => [],
      dayRange: () => ({ first: days[0].date, last: days[days.length - 1].date }),
    };
    others = [{ key: 'shop', file: encodeProjectFile('shop', [daySummary(TODAY, 100, 0), daySummary(addDays(TODAY, -1), 50, 50)], 1) as ProjectFile }];
    reads = 0;
    removed = [];
    dashboard = new Dashboard({
      extensionUri: FakeUri.file('/extension') as never,
      source: { onDidChange: counts.onDidChange, getSnapshot: () => counts.getSnapshot(), store: history },
      reflections: { enabled: () => true, store: new ReflectionStore(new MemoryMemento(), time) },
      log: vscode.window.createOutputChannel() as never,
      calendar: calendarOf(time, () => 0),
      scheduler: time,
      projects: {
        key: 'here',
        name: () => 'here',
        readOthers: async () => {
          reads++;
          return others;
        },
        remove: async (key) => {
          removed.push(key);
          others = others.filter((other) => other.key !== key);
          return true;
        },
      },
    }, OnDemand.of(DashboardPanel));
    void dashboard.open();
  });

  afterEach(function () {
    dashboard.dispose();
  });

  it('shows this project by default, with the switch offered (an empty table) and nothing read', function () {
    panel().receive({ type: 'ready', range: '7' });
    assert.deepEqual(last<Posted & { projects: ProjectsPayload }>('projects').projects, { scope: 'this', rows: [], total: { own: 0, ai: 0, share: null } });
    assert.equal(last<HistoryPosted>('history').history.days.at(-1)?.typed, 300);
    assert.equal(reads, 0);
  });

  it('for all projects sums the glance and the history, and sends one row per project with their sum', async function () {
    panel().receive({ type: 'ready', range: '7' });
    panel().receive({ type: 'setScope', scope: 'all' });
    await settle();
    assert.equal(reads, 1);
    const glance = last<GlancePosted>('glance').glance;
    assert.equal(glance.chars.typed, 400, 'today: this window live plus the copy');
    assert.deepEqual(glance.periods.find((period) => period.period === '7'), { ...glance.periods.find((period) => period.period === '7'), own: 550, ai: 250 });
    const history = last<HistoryPosted>('history').history;
    assert.equal(history.days.at(-1)?.typed, 400);
    assert.equal(history.days.at(-2)?.typed, 50);
    assert.deepEqual(history.languages, [], 'the copies keep no languages: none shown as all projects\'');
    const projects = last<Posted & { projects: ProjectsPayload }>('projects').projects;
    assert.equal(projects.scope, 'all');
    assert.deepEqual(projects.rows.map((row) => [row.name, row.current, row.own, row.ai]), [['here', true, 400, 200], ['shop', false, 150, 50]]);
    assert.deepEqual(projects.total, { own: 550, ai: 250, share: 550 / 800 });

    // Live: this window's new counts show at once, the copies are not read again for that.
    counts.set({ typed: 310, aiInline: 100 });
    await time.advance(300);
    assert.equal(last<GlancePosted>('glance').glance.chars.typed, 410);
    assert.equal(reads, 1);
  });

  it('reads the copies again on focus (not twice in a row) and when the page opens on all projects', async function () {
    panel().receive({ type: 'ready', scope: 'all' });
    await settle();
    assert.equal(reads, 1);
    assert.equal(last<GlancePosted>('glance').glance.chars.typed, 400, 'the first glance is already all projects\'');
    vscode.onDidChangeWindowState.fire({ focused: true });
    await settle();
    assert.equal(reads, 1, 'just read');
    await time.advance(PROJECTS_REREAD_MS);
    others = [...others, { key: 'new', file: encodeProjectFile('new', [daySummary(TODAY, 1, 0)], 2) as ProjectFile }];
    vscode.onDidChangeWindowState.fire({ focused: true });
    await settle();
    assert.equal(reads, 2);
    assert.equal(last<Posted & { projects: ProjectsPayload }>('projects').projects.rows.length, 3);
  });

  it('removes another project\'s copy only after the confirmation, and never this one\'s', async function () {
    panel().receive({ type: 'ready', scope: 'all' });
    await settle();
    vscode.answers.push(undefined); // dismissed
    panel().receive({ type: 'removeProject', key: 'shop' });
    await settle();
    assert.deepEqual(removed, []);
    assert.match(vscode.messages.at(-1) ?? '', /Remove “shop” from All projects\?/);
    panel().receive({ type: 'removeProject', key: 'here' });
    await settle();
    assert.deepEqual(removed, [], 'not in the table of others: not even asked');
    vscode.answers.push('Remove');
    panel().receive({ type: 'removeProject', key: 'shop' });
    await settle();
    assert.deepEqual(removed, ['shop']);
    assert.deepEqual(last<Posted & { projects: ProjectsPayload }>('projects').projects.rows.map((row) => row.name), ['here']);
    assert.equal(last<GlancePosted>('glance').glance.chars.typed, 300);
  });

  it('back to this project: this workspace\'s figures alone', async function () {
    panel().receive({ type: 'ready', scope: 'all' });
    await settle();
    panel().receive({ type: 'setScope', scope: 'this' });
    await settle();
    assert.equal(last<GlancePosted>('glance').glance.chars.typed, 300);
    assert.equal(last<Posted & { projects: ProjectsPayload }>('projects').projects.scope, 'this');
  });
});
