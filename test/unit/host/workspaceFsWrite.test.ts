import * as assert from 'node:assert/strict';
import { installFakeVscode, FakeUri, type FakeVscode } from '../../support/fakeVscode';

/** The browser's crash-safe writes: only `vscode.workspace.fs`, a temporary file, then a rename over the target. */
describe('Host: crash-safe file writes through workspace.fs (the browser build)', function () {
  let fake: FakeVscode;
  let steps: string[];
  const target = new FakeUri('vscode-userdata', '/User/globalStorage/ownership.ownership-ratio/history.json');

  beforeEach(function () {
    fake = installFakeVscode();
    steps = [];
    const fs = fake.workspace.fs;
    const { writeFile, rename } = { writeFile: fs.writeFile.bind(fs), rename: fs.rename.bind(fs) };
    fs.writeFile = async (uri, data) => {
      steps.push(`write ${uri.path.split('/').pop() ?? ''}`);
      await writeFile(uri, data);
    };
    fs.rename = (async (from: FakeUri, to: FakeUri, options?: { overwrite?: boolean }) => {
      steps.push(`rename overwrite=${String(options?.overwrite)}`);
      await rename(from, to);
    }) as typeof fs.rename;
  });

  async function write(text: string): Promise<void> {
    const { writeThroughWorkspaceFs, useAtomicWriter, writeFileAtomic } = await import('../../../src/host/atomicFile');
    useAtomicWriter(writeThroughWorkspaceFs);
    await writeFileAtomic(target as never, new TextEncoder().encode(text));
  }

  function files(): Record<string, string> {
    return Object.fromEntries([...fake.workspace.fs.files].map(([key, file]) => [key.split('/').pop() ?? key, new TextDecoder().decode(file.data)]));
  }

  it('writes a temporary file beside the target, then renames it over the target with overwrite', async function () {
    await fake.workspace.fs.writeFile(target, new TextEncoder().encode('old'));
    steps = [];
    await write('{"v":2}');
    assert.equal(steps.length, 2);
    assert.match(steps[0], /^write history\.json\.[0-9a-f]{12}\.tmp$/);
    assert.equal(steps[1], 'rename overwrite=true');
    assert.deepEqual(files(), { 'history.json': '{"v":2}' }, 'the new content, no temporary file left');
  });

  it('a rename that fails leaves the old file as it was and removes the temporary file', async function () {
    await fake.workspace.fs.writeFile(target, new TextEncoder().encode('old'));
    fake.workspace.fs.rename = async () => {
      throw new Error('EIO');
    };
    await assert.rejects(write('new'), /EIO/);
    assert.deepEqual(files(), { 'history.json': 'old' });
  });

  it('never replaces a read-only file: a clear error, the file as it was', async function () {
    await fake.workspace.fs.writeFile(target, new TextEncoder().encode('old'));
    const stat = fake.workspace.fs.stat.bind(fake.workspace.fs);
    fake.workspace.fs.stat = async (uri) => ({ ...(await stat(uri)), permissions: 1 });
    await assert.rejects(write('new'), { name: 'ReadOnlyFileError' });
    assert.deepEqual(files(), { 'history.json': 'old' });
  });
});
