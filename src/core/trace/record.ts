import type { LineContributor, LineRange } from './lines';

/** The version of the Agent Trace specification the records follow. */
export const AGENT_TRACE_VERSION = '0.1.0';
/** The media type of one record. */
export const AGENT_TRACE_MEDIA_TYPE = 'application/vnd.agent-trace.record+json';
/** Our key under the record's `metadata` (reverse-domain, as the format asks). */
export const TRACE_METADATA_KEY = 'dev.ownership-ratio';

/** The contributors in the order their conversations are written. */
const CONTRIBUTORS: readonly LineContributor[] = ['human', 'ai', 'mixed', 'unknown'];

export interface TraceConversation {
  readonly contributor: { readonly type: LineContributor };
  readonly ranges: readonly LineRange[];
}

export interface TraceFile {
  readonly path: string;
  readonly conversations: readonly TraceConversation[];
}

/** One Agent Trace record, the fields we write. */
export interface TraceRecord {
  readonly version: string;
  readonly id: string;
  readonly timestamp: string;
  readonly vcs?: { readonly type: 'git'; readonly revision: string };
  readonly tool: { readonly name: string; readonly version: string };
  readonly files: readonly TraceFile[];
  readonly metadata: { readonly [TRACE_METADATA_KEY]: TraceMetadata };
}

/** What we add under `metadata`: what the record covers. */
export interface TraceMetadata {
  /** The commit the files changed since (their lines changed since it are the ones named). */
  readonly since?: string;
  /** Files whose lines are those of the working copy: changed since the revision, not committed. */
  readonly uncommitted: readonly string[];
}

/** One changed file: its path (relative to the repository root, with `/`) and its changed lines by who wrote them. */
export interface TraceFileInput {
  readonly path: string;
  readonly ranges: Readonly<Record<LineContributor, readonly LineRange[]>>;
  readonly uncommitted?: boolean;
}

export interface TraceInput {
  /** A UUID for the record (made by the caller, so that this stays deterministic). */
  readonly id: string;
  /** When the record is made (epoch ms, from the injected clock). */
  readonly now: number;
  /** The commit the lines are positions at (HEAD). */
  readonly revision?: string;
  readonly since?: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly files: readonly TraceFileInput[];
}

/**
 * The Agent Trace record of the changed files: one conversation per kind of contributor in a
 * file (human, ai, mixed, unknown), each with its line ranges. Files are sorted by path, and a
 * file without changed lines (only deletions) is left out. Nothing of the code goes in.
 */
export function buildTraceRecord(input: TraceInput): TraceRecord {
  const files: TraceFile[] = [];
  for (const file of [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const conversations = CONTRIBUTORS
      .filter((type) => file.ranges[type].length > 0)
      .map((type) => ({ contributor: { type }, ranges: file.ranges[type].map((r) => ({ start_line: r.start_line, end_line: r.end_line })) }));
    if (conversations.length > 0) {
      files.push({ path: file.path, conversations });
    }
  }
  const uncommitted = files.map((f) => f.path).filter((path) => input.files.some((f) => f.path === path && f.uncommitted === true));
  return {
    version: AGENT_TRACE_VERSION,
    id: input.id,
    timestamp: new Date(input.now).toISOString(),
    ...(input.revision !== undefined ? { vcs: { type: 'git' as const, revision: input.revision } } : {}),
    tool: { name: input.tool.name, version: input.tool.version },
    files,
    metadata: { [TRACE_METADATA_KEY]: { ...(input.since !== undefined ? { since: input.since } : {}), uncommitted } },
  };
}

/** The path of `file` relative to the repository `root` (both URI paths with `/`), or undefined outside it. */
export function repositoryPath(root: string, file: string): string | undefined {
  const base = root.endsWith('/') ? root : `${root}/`;
  return file.startsWith(base) && file.length > base.length ? file.slice(base.length) : undefined;
}

/** The record as the file holds it: indented JSON and a final line break. */
export function traceJson(record: TraceRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
