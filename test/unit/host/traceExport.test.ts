import * as assert from 'node:assert/strict';
import type { Attribution, ChangeFact, EditFact } from '../../../src/core/attribution/types';
import { Authorship } from '../../../src/core/trace/authorship';
import { FateWatcher } from '../../../src/host/fateWatcher';
import type { GitApi, GitChange, GitLookup, GitRepository } from '../../../src/host/gitRepository';
import { writeFileAtomic } from '../../../src/host/atomicFile';
import { exportAgentTrace, type TraceExportOptions } from '../../../src/host/traceExport';
import { agentTraceProblems } from '../../support/agentTraceSchema';
import { FakeUri, installFakeVscode, type FakeVscode } from '../../support/fakeVscode';

const T0 = Date.UTC(2026, 11, 2, 21, 0, 0);
const HEAD = '1'.repeat(40);
const BASE = '2'.repeat(40);
const ID = '0b5c8c5e-6f0e-4c61-9b1e-2f1d3c4b5a69';
const ROOT = FakeUri.file('/repo');
const A = FakeUri.file('/repo/src/a.ts');
const B = FakeUri.file('/repo/src/b.ts');
const GONE = FakeUri.file('/repo/gone.ts');
const TARGET = new FakeUri('memory', '/out/trace.json');

/** A text document as the export reads it. */
function document(uri: FakeUri, text: string, isDirty = false): unknown {
  return { uri, isDirty, getText: () => text };
}

/** A fake repository: `patches` by path is what `git diff <since> -- <path>` prints. */
function repository(patches: Record<string, string>, options: { head?: string; uncommitted?: GitChange[]; failDiff?: boolean } = {}): GitRepository {
  const changes = [{ uri: A, status: 5 }, { uri: B, status: 1 }, { uri: GONE, status: 6 }] as unknown as GitChange[];
  return {
    rootUri: ROOT as never,
    state: { HEAD: { commit: 'head' in options ? options.head : HEAD }, workingTreeChanges: options.uncommitted ?? [], indexChanges: [] },
    log: async () => [{ hash: HEAD, message: 'Add b\n\nbody', authorName: 'You' }, { hash: BASE, message: 'Start', authorName: 'You' }],
    diffWith: (async (_ref: string, path?: string) => {
      if (options.failDiff) {
        throw new Error('bad revision');
      }
      return path === undefined ? changes : patches[path] ?? '';
    }) as GitRepository['diffWith'],
  };
}

function gitOf(...repositories: GitRepository[]): () => Promise<GitLookup> {
  const api: GitApi = { repositories, getRepository: () => null };
  return async () => ({ api });
}

describe('host: the Agent Trace export', function () {
  let vscode: FakeVscode;
  let authorship: Authorship;

  beforeEach(function () {
    vscode = installFakeVscode();
    authorship = new Authorship();
  });

  function options(git: () => Promise<GitLookup>): TraceExportOptions {
    return { authorship, clock: { now: () => T0 }, toolVersion: '0.1.0', git, newId: () => ID, write: writeFileAtomic };
  }

  function ai(key: string, offset: number, text: string): void {
    authorship.observe(key, { rangeOffset: offset, rangeLength: 0, text }, { at: T0, category: 'aiChat', confidence: 'exact', chars: text.length, deleted: 0, languageId: 'ts', evidence: [] });
  }

  function written(): Record<string, unknown> {
    const file = vscode.fs.files.get(TARGET.toString());
    assert.ok(file, 'the record was written');
    return JSON.parse(new TextDecoder().decode(file.data)) as Record<string, unknown>;
  }

  it('picks a commit, asks where to save, and writes a valid record of the changed lines by who wrote them', async function () {
    const text = 'const a = 1;\nconst b = 2;\nconst c = 3;\n';
    vscode.workspace.textDocuments.push(document(A, text));
    authorship.observe(A.toString(), { rangeOffset: 0, rangeLength: 0, text: 'const a = 1;\n' }, { at: T0, category: 'typed', confidence: 'exact', chars: 13, deleted: 0, languageId: 'ts', evidence: [] });
    ai(A.toString(), 13, 'const b = 2;\nconst c = 3;\n');
    const repo = repository({ '/repo/src/a.ts': '@@ -1,1 +1,3 @@\n+const a = 1;\n+const b = 2;\n+const c = 3;\n', '/repo/src/b.ts': '@@ -0,0 +1,2 @@\n+x\n+y\n' });
    vscode.quickPicks.push((items) => items[1]);
    vscode.saveDialogs.push(TARGET);

    const result = await exportAgentTrace(options(gitOf(repo)));

    assert.equal(result, TARGET);
    const record = written();
    assert.deepEqual(agentTraceProblems(record), []);
    assert.deepEqual(record.vcs, { type: 'git', revision: HEAD });
    assert.deepEqual(record.files, [
      { path: 'src/a.ts', conversations: [
        { contributor: { type: 'human' }, ranges: [{ start_line: 1, end_line: 1 }] },
        { contributor: { type: 'ai' }, ranges: [{ start_line: 2, end_line: 3 }] },
      ] },
      { path: 'src/b.ts', conversations: [{ contributor: { type: 'unknown' }, ranges: [{ start_line: 1, end_line: 2 }] }] },
    ]);
    assert.deepEqual(record.metadata, { 'dev.ownership-ratio': { since: BASE, uncommitted: [] } });
    const pick = vscode.shownPicks[0].items as Array<{ label: string }>;
    assert.deepEqual(pick.map((item) => item.label), ['1111111 Add b', '2222222 Start']);
    assert.equal((vscode.shownSaveDialogs[0] as { defaultUri: FakeUri }).defaultUri.path, '/agent-trace-1111111.json', 'offered beside the repository, not in it');
    assert.deepEqual(vscode.messages, [`Exported the Agent Trace of 2 files to ${TARGET.fsPath}.`]);
  });

  it('says which files are not committed yet, and lists them in the record', async function () {
    const repo = repository({ '/repo/src/a.ts': '@@ -1,0 +1,1 @@\n+x\n' }, { uncommitted: [{ uri: A, status: 5 }] as unknown as GitChange[] });
    await exportAgentTrace(options(gitOf(repo)), { since: BASE, target: TARGET });
    assert.deepEqual((written().metadata as Record<string, unknown>)['dev.ownership-ratio'], { since: BASE, uncommitted: ['src/a.ts'] });
    assert.match(vscode.messages[0], /1 of them have changes not committed yet/);
  });

  it('without Git, a repository or a commit: a clear message, no dialog, nothing written', async function () {
    await exportAgentTrace(options(async () => ({ problem: 'Git is turned off in this window (setting git.enabled).' })));
    await exportAgentTrace(options(gitOf()));
    await exportAgentTrace(options(gitOf(repository({}, { head: undefined }))));
    assert.deepEqual(vscode.messages, [
      'Cannot export the Agent Trace: Git is turned off in this window (setting git.enabled). It needs a Git repository, for the commit its lines belong to.',
      'Cannot export the Agent Trace: no Git repository is open in this window.',
      'Cannot export the Agent Trace: the repository has no commit yet.',
    ]);
    assert.equal(vscode.shownSaveDialogs.length + vscode.fs.files.size, 0);
  });

  it('cancelled at the pick or the dialog: nothing written, no message', async function () {
    const repo = repository({ '/repo/src/a.ts': '@@ -1,0 +1,1 @@\n+x\n' });
    assert.equal(await exportAgentTrace(options(gitOf(repo))), undefined);
    vscode.quickPicks.push((items) => items[0]);
    assert.equal(await exportAgentTrace(options(gitOf(repo))), undefined);
    assert.equal(vscode.shownSaveDialogs.length, 1);
    assert.deepEqual(vscode.messages, []);
    assert.equal(vscode.fs.files.size, 0);
  });

  it('an unsaved changed file, a failing diff, no changed lines: a message each, nothing written', async function () {
    vscode.workspace.textDocuments.push(document(A, 'x\n', true));
    await exportAgentTrace(options(gitOf(repository({}))), { since: BASE, target: TARGET });
    vscode.workspace.textDocuments.length = 0;
    await exportAgentTrace(options(gitOf(repository({}, { failDiff: true }))), { since: BASE, target: TARGET });
    await exportAgentTrace(options(gitOf(repository({ '/repo/src/a.ts': '@@ -1,1 +0,0 @@\n-x\n' }))), { since: BASE, target: TARGET });
    assert.deepEqual(vscode.messages, [
      'Save /repo/src/a.ts first: the export names lines as they are in the files on disk.',
      'Cannot export the Agent Trace: Git could not compare with 2222222: bad revision',
      'No lines changed since 2222222: there is nothing to export.',
    ]);
    assert.equal(vscode.fs.files.size, 0);
  });

  it('a target that is a folder: a message, and the folder as it was', async function () {
    const inside = new FakeUri('memory', '/out/trace.json/kept.txt');
    await vscode.fs.writeFile(inside, new Uint8Array([1]));
    await exportAgentTrace(options(gitOf(repository({ '/repo/src/a.ts': '@@ -1,0 +1,1 @@\n+x\n' }))), { since: BASE, target: TARGET });
    assert.deepEqual(vscode.messages, [`Could not write ${TARGET.fsPath}: a folder has that name. A file that was already there is left as it was.`]);
    assert.deepEqual([...vscode.fs.files.keys()], [inside.toString()]);
  });
});

describe('host: the FateWatcher feeds who wrote what', function () {
  it('hands each classified change to the authorship, and forgets a closed document', function () {
    const vscode = installFakeVscode();
    const authorship = new Authorship();
    const watcher = new FateWatcher({ clock: { now: () => T0 }, sink: { recordFate: () => undefined, noteLead: () => undefined, settleLeads: () => undefined }, authorship });
    const change: ChangeFact = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, rangeLength: 0, rangeOffset: 0, text: 'ai();\n' };
    watcher.noteFact({ at: T0, documentKey: A.toString(), changes: [change] } as unknown as EditFact);
    const attribution: Attribution = { at: T0, category: 'aiInline', confidence: 'exact', chars: 6, deleted: 0, languageId: 'ts', evidence: [] };
    watcher.observe(attribution);
    assert.deepEqual(authorship.spans(A.toString()), [{ start: 0, end: 6, author: 'ai' }]);
    vscode.onDidCloseTextDocument.fire({ uri: A });
    assert.deepEqual(authorship.spans(A.toString()), []);
    watcher.dispose();
  });
});
