import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemCalendar } from '../../src/core/calendar';
import { BACKUP_KIND } from '../../src/core/history/model';
import { generateSampleHistory } from '../../src/core/history/sampleHistory';
import { BACKUP_FILE, BEFORE_REMOVAL_FOLDER } from '../../src/core/storageKeys';
import { makeRunDir, removeRunDir } from '../harness/codeServer';
import { Workbench } from './workbench';

const HISTORY_DAYS = 60;
const LOWERED_DAYS = 30;
const SETTING = 'ownershipRatio.history.retentionDays';
const QUESTION = `Keep ${LOWERED_DAYS} days?`;

/** The user's settings file, changed by hand (or by Settings Sync from another machine). */
async function setRetention(userDataDir: string, days: number | undefined): Promise<void> {
  const file = join(userDataDir, 'User', 'settings.json');
  const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  if (days === undefined) {
    delete settings[SETTING];
  } else {
    settings[SETTING] = days;
  }
  await writeFile(file, JSON.stringify(settings, null, 2));
}

async function retentionSetting(userDataDir: string): Promise<unknown> {
  return (JSON.parse(await readFile(join(userDataDir, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>)[SETTING];
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

  before(async function () {
    this.timeout(180_000);
    runDir = await makeRunDir('ui-retention');
    const now = Date.now();
    const { record } = generateSampleHistory({ seed: 5, days: HISTORY_DAYS, profile: 'typical', endDay: systemCalendar.dayOf(now - 86_400_000), tz: systemCalendar.tz });
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

  it('"Keep everything": nothing is removed and the setting is put back', async function () {
    this.timeout(120_000);
    const storage = await workbench.waitFor(() => workbench.storageFolder().catch(() => ''), (folder) => folder !== '' && existsSync(join(folder, BACKUP_FILE)), 30_000);
    assert.equal(await storedDays(join(storage, BACKUP_FILE)), HISTORY_DAYS, 'the history is restored');
    await lowerAndAnswer('Keep everything');
    await workbench.waitFor(() => retentionSetting(workbench.server.userDataDir), (value) => value === undefined, 10_000);
    assert.equal(await retentionSetting(workbench.server.userDataDir), undefined);
    assert.deepEqual(await copiesBeforeRemoval(storage), [], 'nothing was about to be removed');
  });

  it('"Delete": the older days go, after a copy of the whole history is written', async function () {
    this.timeout(120_000);
    const storage = await workbench.storageFolder();
    await lowerAndAnswer('Delete');
    const copies = await workbench.waitFor(() => copiesBeforeRemoval(storage), (files) => files.length === 1, 20_000);
    assert.equal(copies.length, 1);
    assert.ok(await storedDays(copies[0]) >= HISTORY_DAYS, 'the copy holds every day as it was');
    assert.equal(await retentionSetting(workbench.server.userDataDir), LOWERED_DAYS, 'the lowered setting stays');
    // After the window closes, its backup holds only the days within the retention.
    await workbench.reload();
    await workbench.waitFor(() => storedDays(join(storage, BACKUP_FILE)), (days) => days <= LOWERED_DAYS + 1, 20_000);
    assert.ok(await storedDays(join(storage, BACKUP_FILE)) <= LOWERED_DAYS + 1);
  });
});
