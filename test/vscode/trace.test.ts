import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { GitApi } from '../../src/host/gitRepository';
import { agentTraceProblems } from '../support/agentTraceSchema';
import { api, eventually, typeText } from './extension';

/*
 * The Agent Trace export in the real editor: a test Git repository, an agent's streamed insert and
 * lines typed by hand, committed, exported since the first commit, validated against the format's
 * schema, and the AI line ranges it names are the ones the agent inserted.
 */

const BASE_TEXT = 'const keep = 0;\n';
/** Inserted by the agent at line 2 (lines 2 to 4). */
const AGENT_TEXT = [
  'export function area(width: number, height: number): number {',
  '  return width * height;',
  '}',
  '',
].join('\n');
const TYPED_LINE = 'export const mine = 1;';

interface TraceFile {
  path: string;
  conversations: Array<{ contributor?: { type: string }; ranges: Array<{ start_line: number; end_line: number }> }>;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();
}

async function gitApi(): Promise<GitApi & { openRepository(root: vscode.Uri): Promise<unknown> }> {
  const extension = vscode.extensions.getExtension<{ enabled: boolean; getAPI(version: 1): GitApi & { openRepository(root: vscode.Uri): Promise<unknown> } }>('vscode.git');
  assert.ok(extension, 'the built-in Git extension is there');
  const exports = await extension.activate();
  await eventually(() => exports.enabled, (enabled) => enabled, 10_000);
  return exports.getAPI(1);
}

function rangesOf(file: TraceFile, type: string): Array<[number, number]> {
  return file.conversations.filter((c) => c.contributor?.type === type).flatMap((c) => c.ranges.map((r): [number, number] => [r.start_line, r.end_line]));
}

describe('Agent Trace export (in the extension host)', function () {
  this.timeout(60_000);

  before(async function () {
    await vscode.workspace.getConfiguration('ownershipRatio').update('detection.aiExtensions', ['ownership-tests.fake-agent'], vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
  });

  after(async function () {
    await vscode.workspace.getConfiguration('ownershipRatio').update('detection.aiExtensions', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('names the lines an agent inserted as AI, the typed line as yours, at the commit, valid against the schema', async function () {
    const ownership = await api();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the in-host suite runs in a folder');
    const root = vscode.Uri.joinPath(folder.uri, 'trace-repo');
    const file = vscode.Uri.joinPath(root, 'src', 'shapes.ts');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(BASE_TEXT));
    git(root.fsPath, 'init', '-q');
    git(root.fsPath, 'add', '.');
    git(root.fsPath, 'commit', '-q', '-m', 'Start');
    const base = git(root.fsPath, 'rev-parse', 'HEAD');

    const editor = await vscode.window.showTextDocument(file, { preview: false });
    const before = ownership.getSnapshot().today.chars;
    // Streamed in pieces: the first ones are a tool's until the stream shows, then all of it is AI text.
    await vscode.commands.executeCommand('fakeAgent.editorStream', { line: 1, text: AGENT_TEXT });
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await typeText(TYPED_LINE);
    await eventually(() => ownership.getSnapshot().today.chars, (chars) => chars.aiChat - before.aiChat >= AGENT_TEXT.length && chars.typed - before.typed >= TYPED_LINE.length, 10_000);
    assert.ok(await editor.document.save(), 'saved');
    git(root.fsPath, 'commit', '-q', '-am', 'Area');
    const head = git(root.fsPath, 'rev-parse', 'HEAD');

    const gitExtension = await gitApi();
    await gitExtension.openRepository(root);
    const repository = await eventually(() => gitExtension.getRepository(file), (repo) => repo !== null, 10_000);
    await (repository as unknown as { status(): Promise<void> }).status();
    await eventually(() => repository?.state.HEAD?.commit, (commit) => commit === head, 10_000);

    const target = vscode.Uri.file(join(await mkdtemp(join(tmpdir(), 'ownership-ratio-trace-')), 'trace.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('ownershipRatio.exportAgentTrace', { since: base, target });
    assert.equal(written?.fsPath, target.fsPath, 'the record was written where asked');
    const record = JSON.parse(await readFile(target.fsPath, 'utf8')) as { vcs: unknown; files: TraceFile[]; metadata: Record<string, unknown> };
    assert.deepEqual(agentTraceProblems(record), []);
    assert.deepEqual(record.vcs, { type: 'git', revision: head });
    assert.deepEqual(record.files.map((f) => f.path), ['src/shapes.ts']);
    const [shapes] = record.files;
    assert.deepEqual(rangesOf(shapes, 'ai'), [[2, 4]], JSON.stringify(shapes));
    assert.deepEqual(rangesOf(shapes, 'human'), [[5, 5]], JSON.stringify(shapes));
    assert.deepEqual(rangesOf(shapes, 'mixed'), []);
    assert.deepEqual(rangesOf(shapes, 'unknown'), []);
    assert.deepEqual(record.metadata['dev.ownership-ratio'], { since: base, uncommitted: [] });
  });
});
