import type { Attribution } from '../attribution/types';
import type { TerminalRun } from '../terminal/terminalRuns';
import { languageIdOf } from './countedFiles';
import { countInserted, type CountLimits, DEFAULT_COUNT_LIMITS } from './insertedChars';

/** A write to a file no editor shows, as the host read it after the write. */
export interface FileWrite {
  /** The path relative to its workspace folder ('/'-separated), for the language only. */
  readonly path: string;
  /** The file's content now. Only diffed, never stored, logged or sent. */
  readonly text: string;
  /** The last content known for the file (undefined: none known). */
  readonly before: string | undefined;
  /** The file existed when the run started; with no content known, its size then (UTF-16 units). */
  readonly existed: boolean;
  readonly sizeBefore?: number;
  /** When it was written (the file's modification time, clamped to the run by the caller). */
  readonly at: number;
}

/**
 * What a terminal command's write to an unopened file counts as: an agent CLI's inserted characters
 * are AI-assisted (`aiChat`), a git checkout's or a package manager's are `external`. A file that
 * did not exist counts whole; an existing one is diffed against its last known content, or, with
 * none known, only its growth counts. Undefined when the write changed nothing.
 * `continues`: the run wrote to this file before (one action, not another applied edit).
 */
export function fileWriteAttribution(run: TerminalRun, write: FileWrite, continues: boolean, limits: CountLimits = DEFAULT_COUNT_LIMITS): Attribution | undefined {
  let inserted: number;
  let deleted: number;
  let method: string;
  if (write.before !== undefined || !write.existed) {
    const count = countInserted(write.before, write.text, limits);
    ({ inserted, deleted, method } = count);
  } else {
    const grown = write.text.length - (write.sizeBefore ?? write.text.length);
    inserted = Math.max(0, grown);
    deleted = Math.max(0, -grown);
    method = 'size';
  }
  if (inserted === 0 && deleted === 0) {
    return undefined;
  }
  const evidence = [`terminal:${run.name}`, 'file:unopened', `count:${method}`];
  const agent = run.kind === 'agent';
  if (agent && inserted > 0) {
    evidence.push(`len=${inserted}`);
  }
  const attribution: Attribution = {
    at: write.at,
    category: agent ? 'aiChat' : 'external',
    confidence: 'estimated',
    chars: inserted,
    deleted,
    languageId: languageIdOf(write.path),
    evidence,
  };
  return continues ? { ...attribution, continues: true } : attribution;
}
