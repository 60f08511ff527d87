import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_FILE, QUARANTINE_FOLDER, WINDOWS_FOLDER } from '../../src/core/storageKeys';
import { delay, Workbench } from './workbench';

/** How long each crash-safe write holds its flushed temporary file before the rename (set in the host's environment). */
const HOLD_MS = 8_000;
const TYPED = 'const saved = "before the crash";';

/** The temporary files of writes in progress under `folder` and its `windows/` folder. */
async function temporaries(folder: string): Promise<string[]> {
  const names = async (dir: string): Promise<string[]> => (existsSync(dir) ? (await readdir(dir)).map((name) => join(dir, name)) : []);
  return [...await names(folder), ...await names(join(folder, WINDOWS_FOLDER))].filter((path) => path.endsWith('.tmp'));
}

describe('A crash in the middle of a write, in the real workbench', function () {
  let workbench: Workbench;
  let failed = false;

  before(async function () {
    this.timeout(180_000);
    workbench = await Workbench.open({ name: 'ui-crash-write', files: { 'notes.js': '' }, env: { OWNERSHIP_TEST_HOLD_RENAME_MS: String(HOLD_MS) } });
  });

  afterEach(function () {
    failed ||= this.currentTest?.state === 'failed';
  });

  after(async function () {
    this.timeout(30_000);
    await workbench?.close(failed);
  });

  it('the extension host killed (kill -9) between a write\'s temporary file and its rename: every file whole, nothing set aside, nothing counted twice, counting goes on', async function () {
    this.timeout(120_000);
    await workbench.openFile('notes.js');
    await workbench.page.keyboard.type(TYPED);
    const before = await workbench.waitFor(() => workbench.snapshot(), (snapshot) => snapshot.today.chars.typed >= TYPED.length);
    // The pause in typing saves: its history files are written, and held before their rename.
    const storage = await workbench.waitFor(() => workbench.storageFolder().catch(() => ''), (folder) => folder !== '', 20_000);
    const held = await workbench.waitFor(() => temporaries(storage), (paths) => paths.length > 0, 20_000);
    assert.ok(held.length > 0, 'a write is in progress');
    const hosts = workbench.server.extensionHostPids();
    assert.equal(hosts.length, 1, `one extension host: ${hosts.join()}`);
    process.kill(hosts[0], 'SIGKILL');
    await delay(500);
    assert.deepEqual((await temporaries(storage)).filter((path) => held.includes(path)), held, 'killed before the rename: the temporary files are still there');

    await workbench.reload();
    // The write cut short was the session's first save: what it held may be lost (the README's
    // promise), never counted twice.
    const after = await workbench.waitFor(() => workbench.snapshot(), (snapshot) => snapshot.today.chars.typed >= before.today.chars.typed, 10_000);
    assert.ok(after.today.chars.typed <= before.today.chars.typed, `counted ${after.today.chars.typed} of ${before.today.chars.typed}`);
    // Every file the extension reads is whole (the old one or none), none was set aside as damaged.
    const records = (await readdir(join(storage, WINDOWS_FOLDER)).catch(() => [])).filter((name) => name.endsWith('.json')).map((name) => join(storage, WINDOWS_FOLDER, name));
    for (const file of [join(storage, BACKUP_FILE), ...records].filter((path) => existsSync(path))) {
      const text = await readFile(file, 'utf8');
      assert.doesNotThrow(() => JSON.parse(text), `${file} is whole`);
    }
    assert.equal(existsSync(join(storage, QUARANTINE_FOLDER)), false, 'nothing was set aside as damaged');
    assert.doesNotMatch(await workbench.extensionLog(), /damaged|could not be read|set aside/i);
    // A new write after the restart goes through (and is held like the first).
    await workbench.openFile('notes.js');
    await workbench.page.keyboard.type(' // on');
    const resumed = await workbench.waitFor(() => workbench.snapshot(), (snapshot) => snapshot.today.chars.typed >= after.today.chars.typed + 6, 10_000);
    assert.equal(resumed.today.chars.typed, after.today.chars.typed + 6, 'counting goes on after the restart');
    const later = await readFile(join(storage, BACKUP_FILE), 'utf8').catch(() => '{}');
    assert.doesNotThrow(() => JSON.parse(later));
  });
});
