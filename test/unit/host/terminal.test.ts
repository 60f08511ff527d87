import * as assert from 'node:assert/strict';
import type { Attribution } from '../../../src/core/attribution/types';
import { TerminalRuns } from '../../../src/core/terminal/terminalRuns';
import { TerminalFileWrites } from '../../../src/host/terminal/fileWrites';
import { ShellIntegrationNotice } from '../../../src/host/terminal/shellIntegrationNotice';
import { TerminalCommands } from '../../../src/host/terminal/terminalCommands';
import { FakeUri, installFakeVscode, type FakeVscode } from '../../support/fakeVscode';
import { FakeTime } from '../history/fakes';

const ROOT = '/home/dev/project';
const encode = (text: string) => new TextEncoder().encode(text);

describe('host: terminal agents and the files they write', () => {
  let vscode: FakeVscode;
  let time: FakeTime;
  beforeEach(() => {
    vscode = installFakeVscode();
    time = new FakeTime(Date.parse('2026-06-01T10:00:00Z'));
    vscode.workspace.workspaceFolders.push({ uri: FakeUri.file(ROOT), name: 'project', index: 0 });
  });

  function file(path: string, text: string, mtime = time.now()): FakeUri {
    const uri = FakeUri.file(`${ROOT}/${path}`);
    vscode.fs.files.set(uri.toString(), { data: encode(text), mtime });
    return uri;
  }

  function execution(commandLine: string) {
    return { commandLine: { value: commandLine, confidence: 2, isTrusted: true } };
  }

  function build() {
    const runs = new TerminalRuns(time);
    const counted: Attribution[] = [];
    const writes = new TerminalFileWrites({ runs, clock: time, log: vscode.window.createOutputChannel() as never, onAttribution: (a) => counted.push(a), scheduler: time });
    const commands = new TerminalCommands({
      runs, agentSetting: () => vscode.workspace.getConfiguration('ownershipRatio').get('detection.terminalAgents', []) ?? [],
      onRunStarted: (run) => writes.runStarted(run), onRunEnded: (run) => writes.runEnded(run),
    });
    const watcher = vscode.fileWatchers[0];
    return { runs, counted, writes, commands, watcher, dispose: () => { commands.dispose(); writes.dispose(); } };
  }

  it('recognises an agent CLI by its command line and ignores other commands', () => {
    const { runs, dispose } = build();
    const agent = execution('ANTHROPIC_LOG=debug npx @anthropic-ai/claude-code --print "fix it"');
    vscode.onDidStartTerminalShellExecution.fire({ execution: execution('ls -la') });
    assert.equal(runs.explain(time.now()), undefined);
    vscode.onDidStartTerminalShellExecution.fire({ execution: agent });
    assert.deepEqual([runs.explain(time.now())?.kind, runs.agentAt(time.now())], ['agent', 'claude']);
    vscode.onDidEndTerminalShellExecution.fire({ execution: agent });
    assert.notEqual(runs.explain(time.now())?.end, undefined);
    dispose();
  });

  it('a name added in the setting is an agent from the next command on; a removed default is not', () => {
    const { runs, dispose } = build();
    vscode.setSetting('ownershipRatio.detection.terminalAgents', ['my-agent', '-aider']);
    vscode.onDidStartTerminalShellExecution.fire({ execution: execution('aider --yes') });
    assert.equal(runs.explain(time.now()), undefined);
    vscode.onDidStartTerminalShellExecution.fire({ execution: execution('my-agent run') });
    assert.equal(runs.agentAt(time.now()), 'my-agent');
    dispose();
  });

  it('counts an agent\'s writes to unopened files against the content they had when the run started, a new file whole', async () => {
    const before = 'export const a = 1;\n';
    const a = file('src/a.ts', before, time.now() - 60_000);
    const { counted, writes, watcher, dispose } = build();
    vscode.onDidStartTerminalShellExecution.fire({ execution: execution('codex exec "add b"') });
    await writes.idle();
    time.nowMs += 2_000;
    file('src/a.ts', `${before}export const b = 2;\n`);
    watcher.change.fire(a);
    const created = file('src/new.ts', 'export {};\n');
    watcher.change.fire(created);
    file('node_modules/x/index.js', 'module.exports = 1;\n');
    watcher.create.fire(FakeUri.file(`${ROOT}/node_modules/x/index.js`));
    await writes.idle();
    assert.deepEqual(counted.map((each) => [each.category, each.chars, each.languageId, each.evidence[0], each.evidence[2]]), [
      ['aiChat', 20, 'typescript', 'terminal:codex', 'count:diff'],
      ['aiChat', 11, 'typescript', 'terminal:codex', 'count:created'],
    ]);
    dispose();
  });

  it('never reads an open document\'s file (its reload is the classifier\'s) or a file outside the workspace folders', async () => {
    const open = file('open.ts', 'a\n', time.now() - 60_000);
    vscode.workspace.textDocuments.push({ uri: open, isClosed: false });
    const { counted, writes, watcher, dispose } = build();
    vscode.onDidStartTerminalShellExecution.fire({ execution: execution('gemini') });
    await writes.idle();
    time.nowMs += 1_000;
    file('open.ts', 'a\nb\n');
    watcher.change.fire(open);
    const outside = FakeUri.file('/etc/hosts');
    vscode.fs.files.set(outside.toString(), { data: encode('127.0.0.1 x\n'), mtime: time.now() });
    watcher.change.fire(outside);
    await writes.idle();
    assert.deepEqual(counted, []);
    dispose();
  });

  it('after the run, a sweep counts writes the file watcher never reported; nothing counts twice', async () => {
    const c = file('c.ts', 'c\n', time.now() - 60_000);
    const { counted, writes, watcher, dispose } = build();
    const agent = execution('claude -p go');
    vscode.onDidStartTerminalShellExecution.fire({ execution: agent });
    await writes.idle();
    time.nowMs += 1_000;
    file('c.ts', 'c\nmore\n');
    watcher.change.fire(c);
    file('d.ts', 'new file\n');
    vscode.onDidEndTerminalShellExecution.fire({ execution: agent });
    await writes.idle();
    assert.equal(counted.length, 1);
    await time.advance(10_000);
    await writes.idle();
    assert.deepEqual(counted.map((each) => [each.chars, each.continues === true]), [[5, false], [9, false]]);
    dispose();
  });

  it('a write after the run\'s grace period is nobody\'s run: not counted', async () => {
    const c = file('c.ts', 'c\n', time.now() - 60_000);
    const { counted, writes, watcher, dispose } = build();
    const agent = execution('claude');
    vscode.onDidStartTerminalShellExecution.fire({ execution: agent });
    vscode.onDidEndTerminalShellExecution.fire({ execution: agent });
    await writes.idle();
    await time.advance(60_000);
    file('c.ts', 'c\nlater\n');
    watcher.change.fire(c);
    await writes.idle();
    assert.deepEqual(counted, []);
    dispose();
  });

  it('a checkout that rewrites files before the run\'s own read is diffed against the baselines read when the terminal opened', async () => {
    const g = file('g.ts', 'main\n', time.now() - 60_000);
    const { counted, writes, watcher, dispose } = build();
    vscode.onDidOpenTerminal.fire({ shellIntegration: {} });
    await writes.idle();
    time.nowMs += 30_000;
    // Written in the same millisecond the command started, before the listing at its start.
    file('g.ts', 'main\nfeature\n', time.now());
    vscode.onDidStartTerminalShellExecution.fire({ execution: execution('git switch feature') });
    watcher.change.fire(g);
    file('fresh.ts', 'new\n', time.now());
    watcher.create.fire(FakeUri.file(`${ROOT}/fresh.ts`));
    await writes.idle();
    assert.deepEqual(counted.map((each) => [each.category, each.chars, each.evidence[2]]), [['external', 8, 'count:diff'], ['external', 4, 'count:created']]);
    dispose();
  });

  it('a git checkout\'s writes count as external', async () => {
    const g = file('g.ts', 'main\n', time.now() - 60_000);
    const { counted, writes, watcher, dispose } = build();
    vscode.onDidStartTerminalShellExecution.fire({ execution: execution('git checkout feature') });
    await writes.idle();
    time.nowMs += 500;
    file('g.ts', 'main\nfeature\n');
    watcher.change.fire(g);
    await writes.idle();
    assert.deepEqual(counted.map((each) => [each.category, each.chars]), [['external', 8]]);
    dispose();
  });

  describe('ShellIntegrationNotice', () => {
    it('tells when an open terminal has no shell integration after the wait, and stops when it activates or closes', async () => {
      const notice = new ShellIntegrationNotice(time, 5_000);
      let changes = 0;
      notice.onDidChange(() => changes++);
      const terminal = { shellIntegration: undefined as unknown, exitStatus: undefined };
      vscode.onDidOpenTerminal.fire(terminal);
      await time.advance(4_000);
      assert.equal(notice.missing, false);
      await time.advance(2_000);
      assert.deepEqual([notice.missing, changes], [true, 1]);
      terminal.shellIntegration = {};
      vscode.onDidChangeTerminalShellIntegration.fire({ terminal });
      assert.deepEqual([notice.missing, changes], [false, 2]);
      const other = { shellIntegration: undefined, exitStatus: undefined };
      vscode.onDidOpenTerminal.fire(other);
      await time.advance(6_000);
      vscode.onDidCloseTerminal.fire(other);
      assert.deepEqual([notice.missing, changes], [false, 4]);
      notice.dispose();
    });

    it('a terminal whose shell integration activates in time is never reported', async () => {
      const notice = new ShellIntegrationNotice(time, 5_000);
      const terminal = { shellIntegration: undefined as unknown, exitStatus: undefined };
      vscode.onDidOpenTerminal.fire(terminal);
      terminal.shellIntegration = {};
      vscode.onDidChangeTerminalShellIntegration.fire({ terminal });
      await time.advance(10_000);
      assert.equal(notice.missing, false);
      notice.dispose();
    });
  });
});
