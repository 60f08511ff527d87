/**
 * The labelled corpus: what the test-only recorder extension saw in a real VS Code 1.139 while the
 * recording script acted like a developer. One JSON-lines file per session under
 * test/fixtures/corpus/. Every text is scripted by the tests: no user's text is ever in it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { EditFact, Intent, Pos, SelectionKind } from '../../src/core/attribution/types';
import type { Category } from '../../src/core/categories';

export const CORPUS_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');
/** The recorder writes document URIs relative to this, so the corpus does not depend on a temp folder. */
export const CORPUS_WORKSPACE_URI = 'file:///workspace';
export const CORPUS_FORMAT = 1;

export interface SessionHeader {
  readonly type: 'session';
  readonly format: number;
  readonly name: string;
  readonly description: string;
  /** The VS Code that produced it, e.g. `1.139.1 (code-server 4.139.1)`. */
  readonly recordedWith: string;
  /** Generated sessions: the generator's seed and whether the classifier may be tuned on it. */
  readonly seed?: number;
  readonly group?: CorpusGroup;
}

/** Scripted sessions and train seeds are tuned on; held-out seeds never are. */
export type CorpusGroup = 'scripted' | 'train' | 'heldOut';

/**
 * A step of a generated session began (the runner writes these). `anonymous` is the truth for the
 * edits VS Code labels anonymously (an extension's applyEdit or TextEditor.edit) until the next step.
 */
export interface StepRecord {
  readonly type: 'step';
  readonly t: number;
  readonly index: number;
  readonly kind: string;
  /** The fake extension's command, for agent and tool steps. */
  readonly command?: string;
  readonly anonymous?: Category;
  /** The step failed in the workbench (its edits, if any, are still labelled by VS Code). */
  readonly failed?: string;
}

/** An intent one of the host's intent sources observed (same classes as the product). */
export interface IntentRecord {
  readonly type: 'intent';
  readonly t: number;
  readonly intent: Intent;
}

/**
 * A counted text change, as the host classifies it: built by the product's own fact builder, paired
 * with its selection change, with `detailedReason` (the ground-truth label) always read. `t` is when
 * the host classified it, which may be later than `fact.at` (the pairing wait).
 */
/** What the host's edit context answered when the change was classified (recordings made since it was recorded). */
export interface RecordedSignals {
  readonly diffView: boolean;
  readonly aiExtension: boolean;
}

export interface ChangeRecord {
  readonly type: 'change';
  readonly t: number;
  readonly fact: EditFact;
  readonly signals?: RecordedSignals;
}

export interface SelectionRecord {
  readonly type: 'selection';
  readonly t: number;
  readonly documentKey: string;
  readonly version: number;
  readonly kind: SelectionKind;
  readonly cursors: readonly Pos[];
}

/** A change to a document the product does not count (chat-editing models, output…). */
export interface UncountedRecord {
  readonly type: 'uncounted';
  readonly t: number;
  readonly scheme: string;
}

export type EventRecord = IntentRecord | ChangeRecord | SelectionRecord | UncountedRecord | StepRecord;
export type CorpusRecord = SessionHeader | EventRecord;

export interface CorpusSession {
  readonly header: SessionHeader;
  /** In the order the host saw them: replaying in this order reproduces what the classifier knew. */
  readonly events: readonly EventRecord[];
}

export function parseSession(text: string, source: string): CorpusSession {
  const records = text.split('\n').filter((line) => line.trim() !== '').map((line, index) => {
    try {
      return JSON.parse(line) as CorpusRecord;
    } catch (error) {
      throw new Error(`${source}:${index + 1}: not JSON (${String(error)})`, { cause: error });
    }
  });
  const [header, ...events] = records;
  if (header?.type !== 'session' || header.format !== CORPUS_FORMAT) {
    throw new Error(`${source}: the first line must be a session header of format ${CORPUS_FORMAT}`);
  }
  if (events.some((record) => record.type === 'session')) {
    throw new Error(`${source}: more than one session header`);
  }
  return { header, events: events as EventRecord[] };
}

/** Generated sessions, gzipped JSON lines, by group. */
export const GENERATED_DIR = join(CORPUS_DIR, 'generated');

export function generatedDir(group: 'train' | 'heldOut'): string {
  return join(GENERATED_DIR, group);
}

/** Every recorded session in `dir` (`.jsonl` or `.jsonl.gz`), by file name order. */
export function readCorpus(dir = CORPUS_DIR): CorpusSession[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir).filter((name) => name.endsWith('.jsonl') || name.endsWith('.jsonl.gz')).sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      return parseSession((name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'), name);
    });
}

/** The sessions of one group: the scripted ones, or the generated train or held-out seeds. */
export function readGroup(group: CorpusGroup): CorpusSession[] {
  return group === 'scripted' ? readCorpus(CORPUS_DIR) : readCorpus(generatedDir(group));
}

export function changesOf(session: CorpusSession): ChangeRecord[] {
  return session.events.filter((record): record is ChangeRecord => record.type === 'change');
}
