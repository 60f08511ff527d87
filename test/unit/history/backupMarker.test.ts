import * as assert from 'node:assert/strict';
import { backupMarker } from '../../../src/core/history/backupRestore';
import { BACKUP_KIND } from '../../../src/core/history/model';
import { BACKUP_FILE } from '../../../src/core/storageKeys';
import { readBackupMarker } from '../../../src/host/backupMarker';
import { FakeUri, installFakeVscode, type FakeVscode } from '../../support/fakeVscode';
import { MemorySink } from './fakes';

const day = { c: [10] };
const good = JSON.stringify({ v: 1, k: BACKUP_KIND, t: 1, d: { '2025-06-30': day }, s: {} });

describe('the history backup as the sign that history existed', function () {
  it('is a sign only when readable with at least one day, or from a newer version', function () {
    assert.deepEqual(backupMarker(good), { marks: true });
    assert.deepEqual(backupMarker(JSON.stringify({ v: 9, k: BACKUP_KIND })), { marks: true });
    assert.deepEqual(backupMarker(JSON.stringify({ v: 1, k: BACKUP_KIND, t: 1, d: {}, s: {} })), { marks: false });
  });

  it('an empty, truncated or foreign file is no sign, and says why', function () {
    assert.deepEqual(backupMarker(''), { marks: false, issue: 'empty file' });
    assert.equal(backupMarker(good.slice(0, 20)).marks, false);
    assert.match(backupMarker(good.slice(0, 20)).issue ?? '', /not JSON/);
    assert.equal(backupMarker('[1,2]').marks, false);
    assert.ok(backupMarker('[1,2]').issue !== undefined);
  });

  describe('read by the host', function () {
    let vscode: FakeVscode;
    const uri = FakeUri.file(`/storage/workspace/${BACKUP_FILE}`);
    const log = { warn: () => undefined };
    const clock = { now: () => 42 };
    beforeEach(function () {
      vscode = installFakeVscode();
    });

    it('a zero-length backup left by a crash is set aside with the reason and is no sign', async function () {
      await vscode.fs.writeFile(uri, new Uint8Array());
      const sink = new MemorySink();
      assert.deepEqual(await readBackupMarker(uri as never, sink, clock, log), { dataExpected: false, keepFile: false });
      assert.deepEqual(sink.entries, [{ key: BACKUP_FILE, at: 42, issues: ['empty file'], raw: '' }]);
    });

    it('a good backup is the sign; a missing one is none; neither is set aside', async function () {
      const sink = new MemorySink();
      assert.deepEqual(await readBackupMarker(uri as never, sink, clock, log), { dataExpected: false, keepFile: false });
      await vscode.fs.writeFile(uri, new TextEncoder().encode(good));
      assert.deepEqual(await readBackupMarker(uri as never, sink, clock, log), { dataExpected: true, keepFile: false });
      assert.deepEqual(sink.entries, []);
    });

    it('a damaged backup that cannot be set aside is kept as it is (not to be replaced)', async function () {
      await vscode.fs.writeFile(uri, new TextEncoder().encode('{"v":'));
      const sink = new MemorySink();
      sink.fail = true;
      assert.deepEqual(await readBackupMarker(uri as never, sink, clock, log), { dataExpected: false, keepFile: true });
    });
  });
});
