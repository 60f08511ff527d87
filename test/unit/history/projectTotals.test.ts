import * as assert from 'node:assert/strict';
import { emptyCounts, type CategoryCounts } from '../../../src/core/categories';
import { AllProjectsReader, allProjectsToday, projectRows, type OtherProject } from '../../../src/core/history/allProjects';
import { encodeProjectFile, keyOfProjectFile, parseProjectFile, projectDaySummary, projectKey, type ProjectFile } from '../../../src/core/history/projectTotals';
import type { DayReader, DaySummary } from '../../../src/core/history/snapshot';
import { ownershipRatio } from '../../../src/core/ratio';

function day(date: string, chars: Partial<CategoryCounts>, extra: Partial<DaySummary> = {}): DaySummary {
  const all = { ...emptyCounts(), ...chars };
  return {
    date, chars: all, estimatedAiChars: 0, aiChatBy: { chat: all.aiChat, extension: 0, terminal: 0 }, ownershipRatio: ownershipRatio(all, 'excluded'),
    deletedChars: 4, accepts: { inline: 1, chat: 0 }, activeMinutes: 20, languages: { typescript: all }, sessions: 2, ...extra,
  };
}

function reader(days: DaySummary[]): DayReader {
  return {
    days: (from, to) => days.filter((each) => each.date >= from && each.date <= to),
    sessionsOf: () => [],
    dayRange: () => (days.length === 0 ? undefined : { first: days[0].date, last: days[days.length - 1].date }),
  };
}

function other(key: string, name: string, days: DaySummary[]): OtherProject {
  return { key, file: encodeProjectFile(name, days, 1) as ProjectFile };
}

describe('All projects: each workspace\'s copy of its daily totals', function () {
  it('keeps per day the categories, the estimate, chat sources, minutes and sessions, and reads them back', function () {
    const original = day('2026-03-09', { typed: 120, aiInline: 30, aiChat: 10, paste: 5, tool: 7, undoRedo: 2, external: 1 }, { estimatedAiChars: 6, aiChatBy: { chat: 4, extension: 3, terminal: 3 } });
    const file = encodeProjectFile('shop', [original], 1_000);
    assert.ok(file);
    const parsed = parseProjectFile(JSON.parse(JSON.stringify(file)));
    assert.ok(parsed.ok, JSON.stringify(parsed));
    const back = projectDaySummary('2026-03-09', parsed.file.days['2026-03-09'], 'excluded');
    assert.deepEqual(back.chars, original.chars);
    assert.equal(back.estimatedAiChars, 6);
    assert.deepEqual(back.aiChatBy, { chat: 4, extension: 3, terminal: 3 });
    assert.equal(back.activeMinutes, 20);
    assert.equal(back.sessions, 2);
    assert.deepEqual(back.languages, {}, 'the copy keeps no languages');
    assert.equal(parsed.file.name, 'shop');
    assert.equal(JSON.stringify(file).includes('typescript'), false, 'counts only: no language ids, no text');
  });

  it('leaves out days with nothing counted, and gives no copy at all when no day is left', function () {
    assert.equal(encodeProjectFile('empty', [day('2026-03-01', {}, { activeMinutes: 0, sessions: 0 })], 1), undefined);
    const file = encodeProjectFile('one', [day('2026-03-01', {}, { activeMinutes: 0, sessions: 0 }), day('2026-03-02', { typed: 1 })], 1);
    assert.deepEqual(Object.keys(file?.days ?? {}), ['2026-03-02']);
  });

  it('reports what cannot be read (never patches it), and tells a newer version\'s copy apart', function () {
    const good = encodeProjectFile('shop', [day('2026-03-09', { typed: 3 })], 1) as ProjectFile;
    const bad: unknown[] = [
      null, [], 'text', { ...good, v: 0 }, { ...good, name: 7 }, { ...good, days: { 'not a day': good.days['2026-03-09'] } },
      { ...good, days: { '2026-02-30': good.days['2026-03-09'] } }, { ...good, days: { '2026-03-09': [1, 2, 3] } },
      { ...good, days: { '2026-03-09': good.days['2026-03-09'].map(() => -1) } }, { ...good, updated: 'now' },
    ];
    for (const value of bad) {
      const parsed = parseProjectFile(value);
      assert.equal(parsed.ok, false, JSON.stringify(value));
      assert.equal(!parsed.ok && parsed.newer, false);
    }
    const newer = parseProjectFile({ v: 2, anything: true });
    assert.equal(!newer.ok && newer.newer, true);
  });

  it('names a workspace by its storage folder\'s workspace id, safe as a file name', function () {
    assert.equal(projectKey('/home/me/.config/Code/User/workspaceStorage/0a1b2c3d/ownership.ownership-ratio'), '0a1b2c3d');
    assert.equal(projectKey('/x/../ownership.ownership-ratio'), undefined);
    assert.equal(projectKey('ownership.ownership-ratio'), undefined);
    assert.equal(keyOfProjectFile('0a1b2c3d.json'), '0a1b2c3d');
    assert.equal(keyOfProjectFile('0a1b2c3d.json.4f3e2d1c0b0a.tmp'), undefined, 'a write in progress is no copy');
    assert.equal(keyOfProjectFile('../x.json'), undefined);
    assert.equal(keyOfProjectFile('.hidden.json'), undefined);
  });
});

describe('All projects: the figures summed', function () {
  const here = reader([day('2026-03-08', { typed: 100, aiInline: 100 }), day('2026-03-10', { typed: 300, aiInline: 100 })]);
  const shop = other('shop-key', 'shop', [day('2026-03-09', { typed: 50 }), day('2026-03-10', { typed: 100, aiChat: 100 })]);
  const old = other('old-key', 'old', [day('2025-01-01', { typed: 10 })]);

  it('sums this workspace\'s days with the other copies, per day, the ratio weighted by volume', function () {
    const all = new AllProjectsReader(here, [shop, old], 'excluded');
    const days = all.days('2026-03-01', '2026-03-10');
    assert.deepEqual(days.map((each) => each.date), ['2026-03-08', '2026-03-09', '2026-03-10']);
    const today = days[2];
    assert.equal(today.chars.typed, 400);
    assert.equal(today.chars.aiInline, 100);
    assert.equal(today.chars.aiChat, 100);
    assert.equal(today.ownershipRatio, 400 / 600);
    assert.equal(today.sessions, 4);
    assert.equal(today.activeMinutes, 40);
    assert.deepEqual(today.languages, {}, 'languages are not summed (the copies keep none)');
    assert.equal(today.lead, undefined);
    assert.deepEqual(all.dayRange(), { first: '2025-01-01', last: '2026-03-10' });
    assert.deepEqual(all.sessionsOf(), []);
    // Range ends are inclusive, on either side of a copy's days.
    assert.deepEqual(all.days('2026-03-09', '2026-03-09').map((each) => [each.date, each.chars.typed]), [['2026-03-09', 50]]);
    assert.deepEqual(all.days('2024-12-31', '2025-01-01').map((each) => each.date), ['2025-01-01']);
    assert.deepEqual(all.days('2025-01-02', '2026-03-07'), []);
    // Without other copies the sum is this workspace's figures.
    assert.deepEqual(new AllProjectsReader(here, [], 'excluded').days('2026-03-10', '2026-03-10')[0].chars, here.days('2026-03-10', '2026-03-10')[0].chars);
  });

  it('adds the copies\' today to this window\'s live today', function () {
    const live = { date: '2026-03-10', chars: { ...emptyCounts(), typed: 5, aiChat: 5 }, estimatedAiChars: 1, aiChatBy: { chat: 5, extension: 0, terminal: 0 }, ownershipRatio: 0.5 };
    const sum = allProjectsToday(live, [shop, old], 'excluded');
    assert.equal(sum.chars.typed, 105);
    assert.equal(sum.chars.aiChat, 105);
    assert.equal(sum.aiChatBy.chat, 105);
    assert.equal(sum.ownershipRatio, 0.5);
    assert.equal(live.chars.typed, 5, 'the live totals are not changed');
  });

  it('makes one row per project over the range: this one first, then by volume; last active over all days', function () {
    const rows = projectRows({ key: 'here-key', name: 'here', reader: here }, [old, shop, other('here-key', 'stale copy of here', [day('2026-03-10', { typed: 999 })])], '2026-03-04', '2026-03-10', 'excluded');
    assert.deepEqual(rows.map((row) => row.name), ['here', 'shop', 'old'], 'this workspace\'s own copy is not counted twice');
    assert.deepEqual(rows[0], { key: 'here-key', name: 'here', current: true, days: 2, own: 400, ai: 200, share: 400 / 600, lastActive: '2026-03-10' });
    assert.deepEqual(rows[1], { key: 'shop-key', name: 'shop', current: false, days: 2, own: 150, ai: 100, share: 0.6, lastActive: '2026-03-10' });
    assert.deepEqual(rows[2], { key: 'old-key', name: 'old', current: false, days: 0, own: 0, ai: 0, share: null, lastActive: '2025-01-01' });
  });
});
