import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemCalendar } from '../../src/core/calendar';
import { BACKUP_KIND } from '../../src/core/history/model';
import { generateSampleHistory } from '../../src/core/history/sampleHistory';
import { BACKUP_FILE, BEFORE_REMOVAL_FOLDER } from '../../src/core/storageKeys';
import { makeRunDir, removeRunDir } from '../harness/codeServer';
import { delay, Workbench } from './workbench';

const HISTORY_DAYS = 60;
const LOWERED_DAYS = 30;
const SETTING = 'ownershipRatio.history.retentionDays';
const QUESTION = `Keep ${LOWERED_DAYS} days?`;
/** A pause this long lets the extension save (it saves when typing pauses for 3 s). */
const PAUSE_TO_SAVE_MS = 4_000;

/**
 * The setting is per machine: in a remote window (code-server's) VS Code reads it from the remote
 * machine's settings file, not the user's. Changed by hand, as a user would.
 */
function machineSettings(userDataDir: string): string {
  return join(userDataDir, 'Machine', 'settings.json');
}

async function readSettings(userDataDir: string): Promise<Record<string, unknown>> {
  const file = machineSettings(userDataDir);
  return existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> : {};
}

async function setRetention(userDataDir: string, days: number | undefined): Promise<void> {
  const settings = await readSettings(userDataDir);
  if (days === undefined) {
    delete settings[SETTING];
  } else {
    settings[SETTING] = days;
  }
  await mkdir(join(userDataDir, 'Machine'), { recursive: true });
  await writeFile(machineSettings(userDataDir), JSON.stringify(settings, null, 2));
}

async function retentionSetting(userDataDir: string): Promise<unknown> {
  return (await readSettings(userDataDir))[SETTING];
}

async function storedDays(file: string): Promise<number> {
  return Object.keys((JSON.parse(await readFile(file, 'utf8')) as { d: Record<string, unknown> }).d).length;
}

async function copiesBeforeRemoval(storage: string): Promise<string[]> {
  const folder = join(storage, BEFORE_REMOVAL_FOLDER);
  return existsSync(folder) ? (await readdir(folder)).map((name) => join(folder, name)) : [];
}

/*
 * Lowering the retention in the settings file asks first, in the real workbench: "Keep everything"
 * removes nothing and puts the setting back; "Delete" removes the older days, after a copy of the
 * history as it was.
 */
describe('Lowering the history retention (real workbench)', function () {
  let workbench: Workbench;
  let runDir: string;
  let failed = false;
  /** Days with counts in the generated history (some of its days have none). */
  let historyDays = 0;

  before(async function () {
    this.timeout(180_000);
    runDir = await makeRunDir('ui-retention');
    const now = Date.now();
    const { record } = generateSampleHistory({ seed: 5, days: HISTORY_DAYS, profile: 'typical', endDay: systemCalendar.dayOf(now - 86_400_000), tz: systemCalendar.tz });
    historyDays = Object.keys(record.d).length;
    const backup = join(runDir, 'history.json');
    await writeFile(backup, JSON.stringify({ v: 1, k: BACKUP_KIND, t: now, d: record.d, s: record.s }));
    workbench = await Workbench.open({
      name: 'ui-retention', runDir, files: { 'notes.js': '' }, helperExtensions: ['demo-history'], env: { OWNERSHIP_RATIO_DEMO_BACKUP: backup },
    });
  });

  afterEach(function () {
    failed ||= this.currentTest?.state === 'failed';
  });

  after(async function () {
    this.timeout(30_000);
    await workbench?.close(failed);
    if (!failed && runDir) {
      await removeRunDir(runDir);
    }
  });

  /** Lowers the setting, types (the next save applies the retention) and answers the question with `answer`. */
  async function lowerAndAnswer(answer: 'Keep everything' | 'Delete'): Promise<void> {
    await setRetention(workbench.server.userDataDir, LOWERED_DAYS);
    await workbench.openFile('notes.js');
    await workbench.page.keyboard.type('x');
    const question = await workbench.notification(QUESTION);
    await question.locator('.monaco-button', { hasText: new RegExp(`^${answer}$`) }).click();
  }

  it('"Keep everything": no day is removed and the setting is put back', async function () {
    this.timeout(120_000);
    const storage = await workbench.waitFor(() => workbench.storageFolder().catch(() => ''), (folder) => folder !== '' && existsSync(join(folder, BACKUP_FILE)), 30_000);
    assert.equal(await storedDays(join(storage, BACKUP_FILE)), historyDays, 'the history is restored');
    await lowerAndAnswer('Keep everything');
    await workbench.waitFor(() => retentionSetting(workbench.server.userDataDir), (value) => value === undefined, 10_000);
    assert.equal(await retentionSetting(workbench.server.userDataDir), undefined);
    // The next save sees the retention put back; the window's backup, written as it closes, has every day.
    await workbench.page.keyboard.type('y');
    await delay(PAUSE_TO_SAVE_MS);
    await workbench.reload();
    assert.ok(await storedDays(join(storage, BACKUP_FILE)) >= historyDays, 'every day is still there');
  });

  it('"Delete": the older days go, after a copy of the whole history is written', async function () {
    this.timeout(120_000);
    const storage = await workbench.storageFolder();
    const before = await copiesBeforeRemoval(storage); // session detail older than two weeks went already
    await lowerAndAnswer('Delete');
    const copies = await workbench.waitFor(() => copiesBeforeRemoval(storage), (files) => files.length === before.length + 1, 20_000);
    const copy = copies.find((file) => !before.includes(file));
    assert.ok(copy !== undefined, copies.join());
    assert.ok(await storedDays(copy) >= historyDays, 'the copy holds every day as it was');
    assert.equal(await retentionSetting(workbench.server.userDataDir), LOWERED_DAYS, 'the lowered setting stays');
    await workbench.reload();
    assert.ok(await storedDays(join(storage, BACKUP_FILE)) <= LOWERED_DAYS + 1, 'only the days within the retention are left');
  });
});
