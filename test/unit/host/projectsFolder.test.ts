import * as assert from 'node:assert/strict';
import { emptyCounts, type CategoryCounts } from '../../../src/core/categories';
import type { DayReader } from '../../../src/core/history/snapshot';
import { encodeProjectFile, parseProjectFile, type ProjectFile } from '../../../src/core/history/projectTotals';
import type { QuarantineEntry } from '../../../src/core/history/ports';
import type { DaySummary } from '../../../src/core/history/snapshot';
import { ownershipRatio } from '../../../src/core/ratio';
import { PROJECTS_FOLDER } from '../../../src/core/storageKeys';
import { STALE_TEMPORARY_MS } from '../../../src/host/atomicFile';
import { PROJECT_COPY_INTERVAL_MS, PROJECT_COPY_QUIET_MS, ProjectCopy } from '../../../src/host/projectCopy';
import { ProjectsFolder } from '../../../src/host/projectsFolder';
import { FakeUri, installFakeVscode, type FakeEmitter, type FakeVscode } from '../../support/fakeVscode';
import { FakeTime } from '../history/fakes';

const GLOBAL = new FakeUri('memfs', '/storage/global');
const FOLDER = FakeUri.joinPath(GLOBAL, PROJECTS_FOLDER);
const file = (key: string) => FakeUri.joinPath(FOLDER, `${key}.json`);

function day(date: string, chars: Partial<CategoryCounts>): DaySummary {
  const all = { ...emptyCounts(), ...chars };
  return { date, chars: all, estimatedAiChars: 0, aiChatBy: { chat: 0, extension: 0, terminal: 0 }, ownershipRatio: ownershipRatio(all, 'excluded'), deletedChars: 0, accepts: { inline: 0, chat: 0 }, activeMinutes: 5, languages: {}, sessions: 1 };
}

describe('Host: the projects folder (All projects)', function () {
  let vscode: FakeVscode;
  let time: FakeTime;
  let quarantined: QuarantineEntry[];
  let warnings: string[];
  let failures: string[];
  let folder: ProjectsFolder;

  const write = (key: string, value: unknown) => vscode.fs.writeFile(file(key), new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)));
  const read = async (key: string) => JSON.parse(new TextDecoder().decode(await vscode.fs.readFile(file(key)))) as unknown;
  const has = (key: string) => vscode.fs.files.has(file(key).toString());

  beforeEach(function () {
    vscode = installFakeVscode();
    time = new FakeTime(Date.UTC(2026, 2, 10, 10));
    quarantined = [];
    warnings = [];
    failures = [];
    folder = new ProjectsFolder(GLOBAL as never, 'here', { put: async (entry) => void quarantined.push(entry) }, time, { warn: (message: string) => void warnings.push(message) }, { failed: (message: string) => void failures.push(message) });
  });

  it('writes this workspace\'s copy as projects/<key>.json, readable by the core\'s parser', async function () {
    await folder.writeOwn('here, docs', [day('2026-03-10', { typed: 12, aiInline: 3 })]);
    const parsed = parseProjectFile(await read('here'));
    assert.ok(parsed.ok);
    assert.equal(parsed.file.name, 'here, docs');
    assert.equal(parsed.file.updated, time.now());
    assert.deepEqual(Object.keys(parsed.file.days), ['2026-03-10']);
    assert.deepEqual(failures, []);
  });

  it('with nothing counted any more (all deleted) removes the copy instead of keeping an old one', async function () {
    await folder.writeOwn('here', [day('2026-03-10', { typed: 12 })]);
    await folder.writeOwn('here', []);
    assert.equal(has('here'), false);
  });

  it('reads the other copies, not its own, and sets a damaged one aside before it goes', async function () {
    await folder.writeOwn('here', [day('2026-03-10', { typed: 12 })]);
    await write('shop', encodeProjectFile('shop', [day('2026-03-09', { typed: 7 })], 1));
    await write('broken', '{"v":1,"name":"half');
    await write('future', { v: 2, name: 'written by a newer version' });
    await vscode.fs.writeFile(FakeUri.joinPath(FOLDER, 'shop.json.0123456789ab.tmp'), new Uint8Array([1]));
    const others = await folder.readOthers();
    assert.deepEqual(others.map((other) => other.key), ['shop']);
    assert.equal(others[0].file.name, 'shop');
    assert.equal(quarantined.length, 1);
    assert.equal(quarantined[0].key, `${PROJECTS_FOLDER}/broken.json`);
    assert.equal(quarantined[0].raw, '{"v":1,"name":"half', 'kept exactly as it was');
    assert.equal(has('broken'), false, 'set aside, then removed (its workspace writes it again)');
    assert.equal(has('future'), true, 'a newer version\'s copy is left as it is');
    assert.equal(vscode.fs.files.has(FakeUri.joinPath(FOLDER, 'shop.json.0123456789ab.tmp').toString()), true, 'a write maybe in progress is left alone');
  });

  it('removes a temporary file a crash left behind, once it is surely no write in progress', async function () {
    const stale = FakeUri.joinPath(FOLDER, 'gone.json.0123456789ab.tmp');
    await vscode.fs.writeFile(stale, new Uint8Array([1]));
    (vscode.fs.files.get(stale.toString()) as { mtime: number }).mtime = time.now() - STALE_TEMPORARY_MS - 1;
    await folder.readOthers();
    await time.advance(0);
    assert.equal(vscode.fs.files.has(stale.toString()), false);
  });

  it('never overwrites a damaged copy of its own unless it was set aside, nor a newer version\'s', async function () {
    await write('here', 'not json');
    await folder.writeOwn('here', [day('2026-03-10', { typed: 12 })]);
    assert.equal(quarantined[0]?.raw, 'not json');
    assert.ok(parseProjectFile(await read('here')).ok);

    const keepNewer = new ProjectsFolder(GLOBAL as never, 'newer', { put: async () => { throw new Error('disk full'); } }, time, { warn: () => undefined }, { failed: () => undefined });
    await write('newer', { v: 9, name: 'newer' });
    await keepNewer.writeOwn('newer', [day('2026-03-10', { typed: 12 })]);
    assert.deepEqual(await read('newer'), { v: 9, name: 'newer' });
    const unsaved = new ProjectsFolder(GLOBAL as never, 'stuck', { put: async () => { throw new Error('disk full'); } }, time, { warn: () => undefined }, { failed: () => undefined });
    await write('stuck', 'garbage');
    await unsaved.writeOwn('stuck', [day('2026-03-10', { typed: 12 })]);
    assert.equal(new TextDecoder().decode(await vscode.fs.readFile(file('stuck'))), 'garbage', 'not set aside: left as it is');
  });

  it('removes another project\'s copy, never its own that way and never a path', async function () {
    await folder.writeOwn('here', [day('2026-03-10', { typed: 12 })]);
    await write('shop', encodeProjectFile('shop', [day('2026-03-09', { typed: 7 })], 1));
    assert.equal(await folder.remove('here'), false);
    assert.equal(await folder.remove('../here'), false);
    assert.equal(has('here'), true);
    assert.equal(await folder.remove('shop'), true);
    assert.equal(has('shop'), false);
    assert.deepEqual(await folder.readOthers(), []);
    assert.equal(await folder.forgetOwn(), true);
    assert.equal(has('here'), false);
  });
});

describe('Host: this workspace\'s copy follows its history (ProjectCopy)', function () {
  let vscode: FakeVscode;
  let time: FakeTime;
  let changes: FakeEmitter<void>;
  let days: DaySummary[];
  let copy: ProjectCopy;
  const store: DayReader = {
    days: (from, to) => days.filter((each) => each.date >= from && each.date <= to),
    sessionsOf: () => [],
    dayRange: () => (days.length === 0 ? undefined : { first: days[0].date, last: days[days.length - 1].date }),
  };
  const typedInCopy = async () => {
    const stored = vscode.fs.files.get(file('here').toString());
    if (stored === undefined) {
      return undefined;
    }
    const parsed = parseProjectFile(JSON.parse(new TextDecoder().decode(stored.data)));
    return parsed.ok ? (parsed.file as ProjectFile).days['2026-03-10']?.[0] : undefined;
  };

  beforeEach(async function () {
    vscode = installFakeVscode();
    time = new FakeTime(Date.UTC(2026, 2, 10, 10));
    changes = vscode.emitter<void>();
    days = [day('2026-03-10', { typed: 5 })];
    const folder = new ProjectsFolder(GLOBAL as never, 'here', { put: async () => undefined }, time, { warn: () => undefined }, { failed: () => undefined });
    copy = new ProjectCopy(folder, { onDidChange: changes.event, store, whenLoaded: () => Promise.resolve() }, () => 'here', () => time.now(), time);
    await Promise.resolve();
  });

  afterEach(function () {
    copy.dispose();
  });

  it('writes once the history is loaded and after each pause in counting, at most once per interval', async function () {
    await time.advance(PROJECT_COPY_QUIET_MS);
    assert.equal(await typedInCopy(), 5);
    // Counting goes on without a pause: nothing is written meanwhile (never on the keystroke path).
    for (let second = 1; second <= 20; second++) {
      days = [day('2026-03-10', { typed: 5 + second })];
      changes.fire();
      await time.advance(PROJECT_COPY_QUIET_MS / 3);
    }
    assert.equal(await typedInCopy(), 5, 'no pause yet');
    // The pause comes before the interval since the last write is over: the write waits for it.
    await time.advance(PROJECT_COPY_QUIET_MS);
    assert.equal(await typedInCopy(), 5, 'the interval has not passed');
    await time.advance(PROJECT_COPY_INTERVAL_MS);
    assert.equal(await typedInCopy(), 25);
  });

  it('writes what is waiting when the window closes', async function () {
    await time.advance(PROJECT_COPY_QUIET_MS);
    days = [day('2026-03-10', { typed: 40 })];
    changes.fire();
    await copy.close();
    assert.equal(await typedInCopy(), 40);
  });
});
