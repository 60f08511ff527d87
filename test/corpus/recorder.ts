/**
 * The corpus recorder: a test-only helper extension (bundled by test/corpus/record.ts) that runs
 * the product's own change watcher and intent sources and writes, as JSON lines, every fact the
 * host classifies (with `detailedReason`, the ground-truth label), every selection change and every
 * intent. It records only when `OWNERSHIP_CORPUS_RAW` names the file to write.
 */
import { createWriteStream, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import * as vscode from 'vscode';
import { IntentLog } from '../../src/core/attribution/intents';
import type { Intent, Pos } from '../../src/core/attribution/types';
import { systemClock } from '../../src/core/clock';
import { watchEdits } from '../../src/host/attribution';
import { EditContext } from '../../src/host/editContext';
import { settings } from '../../src/host/settings';
import { toSelectionKind } from '../../src/host/editFacts';
import { CORPUS_WORKSPACE_URI, type EventRecord } from './corpus';

/**
 * Writes records in the order they happen. Document URIs lose the run's temporary folder: the
 * workspace becomes `file:///workspace`, the rest of the test profile (settings…) `file:///profile`.
 */
class RecordWriter {
  private readonly stream: WriteStream;
  private readonly replacements: ReadonlyArray<readonly [string, string]>;

  constructor(file: string, workspace: vscode.Uri | undefined) {
    this.stream = createWriteStream(file, { flags: 'a' });
    this.replacements = workspace
      ? [[workspace.toString(), CORPUS_WORKSPACE_URI], [vscode.Uri.joinPath(workspace, '..').toString(), 'file:///profile']]
      : [];
  }

  write(record: EventRecord): void {
    let line = JSON.stringify(record);
    for (const [from, to] of this.replacements) {
      line = line.split(from).join(to);
    }
    this.stream.write(`${line}\n`);
  }

  dispose(): void {
    this.stream.end();
  }
}

/** The product's intent log, writing down each intent as the intent sources record it. */
class RecordingIntentLog extends IntentLog {
  constructor(private readonly writer: RecordWriter) {
    super();
  }

  override record(intent: Intent): void {
    this.writer.write({ type: 'intent', t: Date.now(), intent: { kind: intent.kind, documentKey: intent.documentKey, at: intent.at, ...(intent.detail === undefined ? {} : { detail: intent.detail }) } });
    super.record(intent);
  }
}

/**
 * The step runner's way to run a command with an argument (the fake extensions' commands take one):
 * it writes `{ token, id, args }` to `<raw>.queue.json` and runs this command from the palette, as a
 * user runs a command; the answer goes to `<raw>.done-<token>.json`.
 */
function runQueuedCommand(raw: string): vscode.Disposable {
  return vscode.commands.registerCommand('corpusRecorder.runQueued', async () => {
    const { token, id, args } = JSON.parse(readFileSync(`${raw}.queue.json`, 'utf8')) as { token: string; id: string; args: unknown };
    let answer: { ok: boolean; result?: unknown; error?: string };
    try {
      answer = { ok: true, result: await vscode.commands.executeCommand(id, ...(args === undefined ? [] : [args])) };
    } catch (error) {
      answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    writeFileSync(`${raw}.done-${token}.json`, JSON.stringify(answer));
  });
}

function plain(position: Pos): Pos {
  return { line: position.line, character: position.character };
}

export function activate(context: vscode.ExtensionContext): void {
  const file = process.env.OWNERSHIP_CORPUS_RAW;
  if (!file) {
    return;
  }
  const writer = new RecordWriter(file, vscode.workspace.workspaceFolders?.[0]?.uri);
  const log = vscode.window.createOutputChannel('Corpus Recorder', { log: true });
  const clock = systemClock;
  const intents = new RecordingIntentLog(writer);
  // A second edit context beside the product's (same class, same events), so that each change is
  // recorded with what the classifier was told about diff views and AI extensions.
  const editContext = new EditContext({ aiExtensions: settings.aiExtensions, toolExtensions: settings.toolExtensions });
  // Composed by the product's own function, so the corpus holds what the product sees.
  context.subscriptions.push(
    runQueuedCommand(file),
    writer,
    log,
    editContext,
    ...watchEdits({
      clock,
      intents,
      log,
      onAttribution: () => undefined,
      onReplace: () => undefined,
      onFact: (fact) => writer.write({
        type: 'change',
        t: clock.now(),
        fact: {
          ...fact,
          changes: fact.changes.map((change) => ({ ...change, start: plain(change.start), end: plain(change.end) })),
          cursors: fact.cursors.map(plain),
          ...(fact.cursorsAfter ? { cursorsAfter: fact.cursorsAfter.map(plain) } : {}),
        },
        signals: { diffView: editContext.aiDiffViewOpen(), aiExtension: editContext.aiExtensionActive() },
      }),
      onUncountedChange: (scheme) => writer.write({ type: 'uncounted', t: clock.now(), scheme }),
      observeCommandsAlways: true,
    }),
    vscode.window.onDidChangeTextEditorSelection((event) => writer.write({
      type: 'selection',
      t: clock.now(),
      documentKey: event.textEditor.document.uri.toString(),
      version: event.textEditor.document.version,
      kind: toSelectionKind(event.kind),
      cursors: event.selections.map((selection) => plain(selection.active)),
    })),
  );
}

export function deactivate(): void {
  // The writer is disposed through context.subscriptions.
}
