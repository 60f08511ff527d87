/**
 * The keystroke path: recorded typing events (test/fixtures/corpus) replayed 100,000 times through
 * the real ChangeWatcher (fact building and selection pairing), the classifier and a Tally, against a
 * minimal handler that only sums inserted lengths, in the same run. Both receive the events the way
 * VS Code's extension host delivers them (a change event with Range objects, then the selection
 * change), so the ratio is what the extension adds to a keystroke over the least any listener pays.
 * The replay keeps the recording's rhythm (its clock), offsets and cursor: the classifier then
 * counts every keystroke as typed, as it did when recorded, and takes the path typing takes.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { classify } from '../src/core/attribution/classify';
import type { Attribution, EditFact } from '../src/core/attribution/types';
import { Authorship } from '../src/core/trace/authorship';
import { IntentLog } from '../src/core/attribution/intents';
import { changesOf, readCorpus } from '../test/corpus/corpus';
import { Tally } from '../src/core/tally';
import { installFakeVscode, Position, Range, Selection } from '../test/support/fakeVscode';
import type { Figure } from './report';

const EVENTS = 100_000;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const ROUNDS = 11;
const LARGE_INSERT_CHARS = 12_000;

// --- the vscode API, delivering events like the extension host ---

const vscode = installFakeVscode();

interface FakeDocument {
  readonly uri: { readonly scheme: string; toString(): string };
  readonly languageId: string;
  version: number;
  isDirty: boolean;
}
interface FakeEditor {
  readonly document: FakeDocument;
  selections: Selection[];
}

// --- replay: the extension host's work per keystroke, the same for any listener ---

interface TypingEvent {
  /** When it was typed, in ms after the recording's first keystroke. */
  readonly at: number;
  readonly editor: FakeEditor;
  readonly lines: string[];
  /** `$acceptModelChanged` and `$acceptEditorPropertiesChanged` as the renderer sends them (JSON). */
  readonly modelChanged: string;
  readonly selectionChanged: string;
  /**
   * A click that puts the cursor where the keystroke lands, when it was elsewhere: the recording
   * moved it with edits and clicks that the replay leaves out.
   */
  readonly cursorMoved: string | undefined;
}

interface MonacoRange {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}
interface MonacoChange {
  readonly range: MonacoRange;
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}
interface MonacoSelection {
  readonly selectionStartLineNumber: number;
  readonly selectionStartColumn: number;
  readonly positionLineNumber: number;
  readonly positionColumn: number;
}

/** The recorded keystrokes (VS Code said `cursor`/`type`), as the messages the extension host receives. */
function typingEvents(): TypingEvent[] {
  const editors = new Map<string, { editor: FakeEditor; lines: string[]; built: string[]; cursor?: MonacoSelection }>();
  const events: TypingEvent[] = [];
  let previousAt: number | undefined;
  const facts = readCorpus().flatMap(changesOf).map((record) => record.fact);
  const isKeystroke = (fact: EditFact | undefined): boolean => fact?.detailedReason?.source === 'cursor' && fact.detailedReason.metadata.kind === 'type' && fact.changes.length === 1;
  for (const [index, fact] of facts.entries()) {
    if (!isKeystroke(fact)) {
      continue;
    }
    const key = fact.documentKey;
    // Where the editor put the cursor: where the next keystroke in this file found it, when
    // nothing else edited the file in between (an auto-closed pair leaves it inside).
    const following = facts.slice(index + 1).find((next) => next.documentKey === key);
    const cursorAfter = following !== undefined && isKeystroke(following) ? following.cursors[0] : undefined;
    let entry = editors.get(key);
    if (!entry) {
      entry = { editor: { document: { uri: { scheme: 'file', toString: () => key }, languageId: fact.languageId, version: 1, isDirty: true }, selections: [] }, lines: [''], built: [''] };
      editors.set(key, entry);
    }
    const change = fact.changes[0];
    const lines = change.text.split('\n');
    const after = lines.length === 1
      ? { line: change.start.line, character: change.start.character + change.text.length }
      : { line: change.start.line + lines.length - 1, character: lines[lines.length - 1].length };
    const range: MonacoRange = {
      startLineNumber: change.start.line + 1, startColumn: change.start.character + 1, endLineNumber: change.end.line + 1, endColumn: change.end.character + 1,
    };
    // Where the keystroke lands in the document the replay builds (the recording's other edits
    // are left out), as the renderer computes `rangeOffset` from its model.
    const rangeOffset = offsetIn(entry.built, range);
    applyToMirror(entry.built, { range, rangeOffset, rangeLength: change.rangeLength, text: change.text });
    const end = cursorAfter ?? after;
    const selection: MonacoSelection = { selectionStartLineNumber: end.line + 1, selectionStartColumn: end.character + 1, positionLineNumber: end.line + 1, positionColumn: end.character + 1 };
    const before = fact.cursors[0] ?? change.start;
    const cursor = entry.cursor;
    const moved = cursor?.positionLineNumber !== before.line + 1 || cursor.positionColumn !== before.character + 1;
    const click: MonacoSelection = { selectionStartLineNumber: before.line + 1, selectionStartColumn: before.character + 1, positionLineNumber: before.line + 1, positionColumn: before.character + 1 };
    entry.cursor = selection;
    // The recording's gaps, each at most 10 s (sessions were recorded days apart).
    const gap = previousAt === undefined ? 0 : Math.min(10_000, Math.max(0, fact.at - previousAt));
    previousAt = fact.at;
    events.push({
      at: (events.at(-1)?.at ?? 0) + gap,
      editor: entry.editor,
      lines: entry.lines,
      modelChanged: JSON.stringify([{ scheme: 'file', path: key }, { changes: [{ range, rangeOffset, rangeLength: change.rangeLength, text: change.text }], eol: '\n', versionId: 0, isUndoing: false, isRedoing: false, isFlush: false }, true]),
      selectionChanged: JSON.stringify(['editor-1', { selections: { source: 'keyboard', selections: [selection] } }]),
      cursorMoved: moved ? JSON.stringify(['editor-1', { selections: { source: 'mouse', selections: [click] } }]) : undefined,
    });
  }
  if (events.length === 0) {
    throw new Error('the corpus has no typing events: run `npm run corpus:record`');
  }
  return events;
}

/** The UTF-16 offset of a range's start in a document of `lines` (LF). */
function offsetIn(lines: readonly string[], range: MonacoRange): number {
  const line = Math.min(range.startLineNumber - 1, lines.length - 1);
  let offset = 0;
  for (let i = 0; i < line; i++) {
    offset += lines[i].length + 1;
  }
  return offset + Math.min(range.startColumn - 1, lines[line].length);
}

/** The extension host's mirror of the document: the edit applied to its lines. */
function applyToMirror(lines: string[], change: MonacoChange): void {
  const startLine = Math.min(change.range.startLineNumber - 1, lines.length - 1);
  const endLine = Math.min(change.range.endLineNumber - 1, lines.length - 1);
  const merged = lines[startLine].slice(0, change.range.startColumn - 1) + change.text + lines[endLine].slice(change.range.endColumn - 1);
  if (startLine === endLine && change.text.indexOf('\n') < 0) {
    lines[startLine] = merged;
  } else {
    lines.splice(startLine, endLine - startLine + 1, ...merged.split('\n'));
  }
}

function toRange(range: MonacoRange): Range {
  return new Range(new Position(range.startLineNumber - 1, range.startColumn - 1), new Position(range.endLineNumber - 1, range.endColumn - 1));
}

function toSelection(selection: MonacoSelection): Selection {
  return new Selection(
    new Position(selection.selectionStartLineNumber - 1, selection.selectionStartColumn - 1),
    new Position(selection.positionLineNumber - 1, selection.positionColumn - 1),
  );
}

/**
 * The clock the extension sees: the recorded time of the keystroke being replayed, so that the
 * classifier sees the recording's rhythm (at the replay's own speed every keystroke would come
 * microseconds after the last, like a tool's edits), each pass a second after the one before.
 */
let replayedNow = Date.now();
const replayClock = { now: () => replayedNow };

/**
 * Delivers `count` keystrokes as the extension host does: parse the renderer's message, update the
 * document mirror, convert ranges, fire the text change; then the same for the selection change.
 */
function replay(events: readonly TypingEvent[], count: number): number {
  const started = performance.now();
  let passStart = replayedNow;
  for (let i = 0; i < count; i++) {
    if (i % events.length === 0) {
      passStart = replayedNow + 1_000;
      // Each pass over the recording starts from empty documents, as the recording did.
      for (const { lines } of events) {
        lines.length = 1;
        lines[0] = '';
      }
    }
    const { at, editor, lines, modelChanged, selectionChanged, cursorMoved } = events[i % events.length];
    replayedNow = passStart + at;
    vscode.window.activeTextEditor = editor;
    if (cursorMoved !== undefined) {
      deliverSelection(editor, cursorMoved);
    }
    const [, modelEvent, isDirty] = JSON.parse(modelChanged) as [unknown, { changes: MonacoChange[] }, boolean];
    const document = editor.document;
    for (const change of modelEvent.changes) {
      applyToMirror(lines, change);
    }
    document.version++;
    document.isDirty = isDirty;
    vscode.onDidChangeTextDocument.fire({
      document,
      contentChanges: modelEvent.changes.map((change) => ({ range: toRange(change.range), rangeOffset: change.rangeOffset, rangeLength: change.rangeLength, text: change.text })),
      reason: undefined,
    });
    deliverSelection(editor, selectionChanged);
  }
  return performance.now() - started;
}

/** `$acceptEditorPropertiesChanged`: the selections parsed, converted and fired. */
function deliverSelection(editor: FakeEditor, message: string): void {
  const [, properties] = JSON.parse(message) as [string, { selections: { source: string; selections: MonacoSelection[] } }];
  editor.selections = properties.selections.selections.map(toSelection);
  const source = properties.selections.source;
  vscode.onDidChangeTextEditorSelection.fire({ textEditor: editor, selections: editor.selections, kind: source === 'keyboard' ? 1 : source === 'mouse' ? 2 : undefined });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** AI ranges followed while typing, as a long session leaves them: in each typed document and in others. */
const FOLLOWED_DOCUMENTS = 50;
const FOLLOWED_RANGES = 500;

/** A fact and its attribution for an AI insert of `text` at `offset` (what the watcher would have seen). */
function aiInsertAt(documentKey: string, offset: number, text: string): { fact: EditFact; attribution: Attribution } {
  const at = replayedNow;
  const fact: EditFact = {
    at, documentKey, scheme: 'file', languageId: 'typescript', version: 2, reason: undefined, detailedReason: undefined, inActiveEditor: true,
    cursors: [], wasDirty: true, selectionKind: undefined,
    changes: [{ start: { line: 0, character: offset }, end: { line: 0, character: offset }, rangeOffset: offset, rangeLength: 0, text }],
  };
  return { fact, attribution: { at, category: 'aiInline', confidence: 'exact', chars: text.length, deleted: 0, languageId: 'typescript', evidence: [] } };
}

async function keystrokeFigures(): Promise<Figure[]> {
  const { ChangeWatcher } = await import('../src/host/changeWatcher');
  const { FateWatcher } = await import('../src/host/fateWatcher');
  const events = typingEvents();
  const typedDocuments = [...new Set(events.map((event) => event.editor.document.uri.toString()))];

  let summed = 0;
  const tally = new Tally();
  const minimalHandler = () => vscode.workspace.onDidChangeTextDocument((event) => {
    for (const change of (event as { contentChanges: Array<{ text: string }> }).contentChanges) {
      summed += change.text.length;
    }
  });
  const ownershipRatio = () => new ChangeWatcher({
    clock: replayClock,
    intents: new IntentLog(),
    exactSources: () => false,
    onAttribution: (attribution) => tally.add(attribution),
    onReplace: (previous, next) => {
      tally.remove(previous);
      tally.add(next);
    },
  });
  // As extension.ts composes it: every attribution counted, then followed for what becomes of AI
  // text and who wrote which line, with FOLLOWED_RANGES AI ranges in each of FOLLOWED_DOCUMENTS.
  const sink = { recordFate: () => undefined, noteLead: () => undefined, settleLeads: () => undefined };
  const withFate = (authorship = true) => {
    const fate = new FateWatcher({ clock: replayClock, sink, horizonMs: 24 * 3_600_000, authorship: authorship ? new Authorship() : undefined });
    const documents = [...typedDocuments, ...Array.from({ length: Math.max(0, FOLLOWED_DOCUMENTS - typedDocuments.length) }, (_, i) => `file:///workspace/other-${i}.ts`)];
    for (const documentKey of documents) {
      for (let r = 0; r < FOLLOWED_RANGES; r++) {
        const { fact, attribution } = aiInsertAt(documentKey, r * 40, 'x'.repeat(20));
        fate.noteFact(fact);
        fate.observe(attribution);
      }
    }
    const watcher = new ChangeWatcher({
      clock: replayClock,
      intents: new IntentLog(),
      exactSources: () => false,
      onAttribution: (attribution) => {
        tally.add(attribution);
        fate.observe(attribution);
      },
      onReplace: (previous, next) => {
        tally.remove(previous);
        tally.add(next);
        fate.reclassify(previous, next);
      },
      onFact: (fact) => fate.noteFact(fact),
    });
    return { dispose: () => { watcher.dispose(); fate.dispose(); } };
  };
  const run = (subscribe: () => { dispose(): void }, count: number): number => {
    const subscription = subscribe();
    // What setting up left behind is collected now, not during the replay of whichever runs next.
    collectGarbage();
    try {
      return replay(events, count);
    } finally {
      subscription.dispose();
    }
  };
  run(minimalHandler, EVENTS / 2);
  run(ownershipRatio, EVENTS / 2);
  run(withFate, EVENTS / 2);
  const fateOnly = () => withFate(false);
  // Interleaved rounds, so all see the same machine state; the median of each.
  const minimalTimes: number[] = [];
  const watcherTimes: number[] = [];
  const fateTimes: number[] = [];
  const fateOnlyTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    minimalTimes.push(run(minimalHandler, EVENTS));
    watcherTimes.push(run(ownershipRatio, EVENTS));
    fateTimes.push(run(withFate, EVENTS));
    fateOnlyTimes.push(run(fateOnly, EVENTS));
  }
  const floor = median(minimalTimes);
  const ours = median(watcherTimes);
  const followed = median(fateTimes);
  if (summed === 0 || tally.chars.typed === 0) {
    throw new Error('the replay reached no handler');
  }
  const perEvent = (ms: number) => (ms * 1e6) / EVENTS;
  return [{
    name: 'keystroke path vs a minimal handler',
    value: ours / floor,
    unit: '×',
    budget: 1.5,
    note: `${EVENTS.toLocaleString('en')} recorded keystrokes: ${perEvent(ours).toFixed(0)} ns vs ${perEvent(floor).toFixed(0)} ns per event (+${perEvent(ours - floor).toFixed(0)} ns)`,
  }, {
    name: 'keystroke path with AI text followed (× without)',
    value: followed / ours,
    unit: '×',
    budget: 1.2,
    note: `fate and line authorship over ${FOLLOWED_DOCUMENTS} documents × ${FOLLOWED_RANGES} AI ranges: ${perEvent(followed).toFixed(0)} ns vs ${perEvent(ours).toFixed(0)} ns per event`,
  }, {
    name: 'keystroke path with only the fate of AI text followed (× without)',
    value: median(fateOnlyTimes) / ours,
    unit: '×',
    note: 'context: the same without line authorship (the Agent Trace export)',
  }, {
    name: 'the whole keystroke path, AI text followed, vs a minimal handler',
    value: followed / floor,
    unit: '×',
    note: 'context: what extension.ts composes on every keystroke',
  }];
}

/** One large insert (a generated file pasted or written by an agent) through the classifier. */
function largeInsertFigure(): Figure {
  const line = 'export const value = compute(input, options); // a line of generated code\n';
  const text = line.repeat(Math.ceil(LARGE_INSERT_CHARS / line.length));
  const fact = {
    at: Date.now(), documentKey: 'file:///workspace/large.ts', scheme: 'file', languageId: 'typescript', version: 2,
    reason: undefined, detailedReason: undefined, inActiveEditor: true, cursors: [{ line: 0, character: 0 }], wasDirty: true,
    selectionKind: undefined, changes: [{ start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, rangeLength: 0, text }],
  } as const;
  const times: number[] = [];
  for (let run = 0; run < 20; run++) {
    const intents = new IntentLog();
    const started = performance.now();
    classify(fact, { intents, exactSources: false });
    times.push(performance.now() - started);
  }
  return {
    name: `classify one ${text.length.toLocaleString('en')}-character insert`,
    value: Math.max(...times),
    unit: 'ms',
    budget: 5,
    note: `slowest of 20 (first call ${times[0].toFixed(3)} ms, median ${median(times).toFixed(3)} ms)`,
  };
}

export async function hotPathFigures(): Promise<Figure[]> {
  return [...(await keystrokeFigures()), largeInsertFigure()];
}

if (require.main === module) {
  void hotPathFigures().then((figures) => {
    for (const figure of figures) {
      console.log(`${figure.name}: ${figure.value.toFixed(3)} ${figure.unit} (budget ≤ ${figure.budget}) ${figure.note ?? ''}`);
    }
  });
}
