import * as assert from 'node:assert/strict';
import { promises as fsp, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installFakeVscode, FakeUri } from '../../support/fakeVscode';

describe('Host: crash-safe file writes on the local disk (Node)', function () {
  let folder: string;
  let steps: string[];
  const originals = { open: fsp.open, rename: fsp.rename };
  let failSync = false;

  beforeEach(function () {
    installFakeVscode();
    folder = mkdtempSync(join(tmpdir(), 'atomic-'));
    steps = [];
    failSync = false;
    // Record the file system calls in order, and fail a flush on demand.
    fsp.open = (async (path: string, flags: string) => {
      const handle = await originals.open(path, flags);
      const kind = path === folder ? 'folder' : 'file';
      const sync = handle.sync.bind(handle);
      const writeFile = handle.writeFile.bind(handle);
      handle.writeFile = (async (data: Uint8Array) => {
        steps.push('write');
        await writeFile(data);
      }) as typeof handle.writeFile;
      handle.sync = async () => {
        steps.push(`sync ${kind}`);
        if (failSync) {
          throw new Error('EIO');
        }
        await sync();
      };
      return handle;
    }) as typeof fsp.open;
    fsp.rename = (async (from: string, to: string) => {
      steps.push('rename');
      await originals.rename(from, to);
    }) as typeof fsp.rename;
  });

  afterEach(function () {
    fsp.open = originals.open;
    fsp.rename = originals.rename;
    rmSync(folder, { recursive: true, force: true });
  });

  async function write(name: string, text: string): Promise<void> {
    const { ReadOnlyFileError, useAtomicWriter, writeFileAtomic, writeThroughWorkspaceFs } = await import('../../../src/host/atomicFile');
    const { nodeAtomicWriter } = await import('../../../src/host/node/localFileWrite');
    useAtomicWriter(nodeAtomicWriter({ ReadOnlyFileError, writeThroughWorkspaceFs }));
    try {
      await writeFileAtomic(FakeUri.file(join(folder, name)) as never, new TextEncoder().encode(text));
    } finally {
      useAtomicWriter(writeThroughWorkspaceFs);
    }
  }

  it('writes a temporary file, flushes it to the disk, renames it over the target, then flushes the folder', async function () {
    await write('a.json', '{"v":1}');
    assert.deepEqual(steps, ['write', 'sync file', 'rename', 'sync folder']);
    assert.equal(readFileSync(join(folder, 'a.json'), 'utf8'), '{"v":1}');
    assert.deepEqual(readdirSync(folder), ['a.json'], 'no temporary file left');
  });

  it('never replaces a read-only file (a rename would, on Linux and macOS): a clear error, the file as it was', async function () {
    const { chmodSync } = await import('node:fs');
    writeFileSync(join(folder, 'locked.csv'), 'old');
    chmodSync(join(folder, 'locked.csv'), 0o444);
    await assert.rejects(write('locked.csv', 'new'), { name: 'ReadOnlyFileError', message: 'the file is read-only' });
    assert.equal(readFileSync(join(folder, 'locked.csv'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(folder), ['locked.csv']);
  });

  it('a write that fails before the rename leaves the old file as it was, and no temporary file', async function () {
    writeFileSync(join(folder, 'a.json'), 'old');
    failSync = true;
    await assert.rejects(write('a.json', 'new'), /EIO/);
    assert.equal(readFileSync(join(folder, 'a.json'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(folder), ['a.json']);
  });
});
