import * as v from 'valibot';

/*
 * VS Code keeps a workspace's storage under a name derived from its folder's path (or its
 * `.code-workspace` file). Rename or move the folder, or open it through a workspace file, and the
 * history seems gone. This machine-local index remembers, for each workspace seen, what identifies
 * it and where its history lives, so that a workspace without history can find its predecessor and
 * offer, once, to carry that history over.
 */

/** What identifies a workspace apart from its path. */
export interface WorkspaceIdentity {
  /** Its folders, as URIs. */
  readonly folders: readonly string[];
  /** The folders' names (the last segment of each path). */
  readonly names: readonly string[];
  /** The first (root) commits of the folders' Git repositories. */
  readonly firstCommits: readonly string[];
  /** The folders' Git remotes (fetch URLs). */
  readonly remotes: readonly string[];
  /** The names of the files and folders at the top of its folders (at most MAX_TOP_LEVEL_NAMES). */
  readonly topLevel: readonly string[];
}

/**
 * A remote's URL as the index keeps it: without a user name or token in it
 * (`https://user:token@host/repo.git` → `https://host/repo.git`); the rest identifies the project.
 */
export function remoteIdentity(url: string): string {
  return url.trim().replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/** Enough of a folder's top level to recognise it after a rename, little enough to read at once. */
export const MAX_TOP_LEVEL_NAMES = 100;
/** A renamed folder without Git: at least this many top-level names, and this share of them in common. */
export const MIN_TOP_LEVEL_NAMES = 3;
export const MIN_TOP_LEVEL_SHARED = 0.8;

export interface IndexEntry {
  /** Where this workspace's history lives (its storage folder, as a URI). */
  readonly storage: string;
  readonly identity: WorkspaceIdentity;
  /** When a window last opened it (epoch ms). */
  readonly lastSeen: number;
  /** It had counted something when last seen. */
  readonly hasHistory: boolean;
  /** Its history was offered to this storage (carried over or not): it is never offered again. */
  readonly offeredTo?: string;
}

export const WORKSPACE_INDEX_VERSION = 1;

export interface WorkspaceIndex {
  readonly v: typeof WORKSPACE_INDEX_VERSION;
  readonly entries: readonly IndexEntry[];
}

/** The index stays small: past this many workspaces, the ones seen longest ago leave it. */
export const MAX_INDEX_ENTRIES = 500;

export const EMPTY_INDEX: WorkspaceIndex = Object.freeze({ v: WORKSPACE_INDEX_VERSION, entries: Object.freeze([]) as readonly IndexEntry[] });

const strings = v.pipe(v.array(v.pipe(v.string(), v.maxLength(4096))), v.maxLength(64));

const identitySchema = v.object({
  folders: strings, names: strings, firstCommits: strings, remotes: strings,
  topLevel: v.pipe(v.array(v.pipe(v.string(), v.maxLength(4096))), v.maxLength(MAX_TOP_LEVEL_NAMES)),
});

const entrySchema = v.object({
  storage: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)),
  identity: identitySchema,
  lastSeen: v.pipe(v.number(), v.finite()),
  hasHistory: v.boolean(),
  offeredTo: v.optional(v.string()),
});

const indexSchema = v.object({ v: v.literal(WORKSPACE_INDEX_VERSION), entries: v.array(entrySchema) });

export type ParsedIndex = { readonly ok: true; readonly index: WorkspaceIndex } | { readonly ok: false; readonly reason: string };

/** Reads a stored index; what cannot be read is reported (the caller sets it aside), never patched. */
export function parseWorkspaceIndex(value: unknown): ParsedIndex {
  const result = v.safeParse(indexSchema, value);
  if (!result.success) {
    return { ok: false, reason: result.issues.slice(0, 3).map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`).join('; ') };
  }
  return { ok: true, index: result.output };
}

/** The index with this workspace's entry as it is now (its offer state kept). */
export function recordWorkspace(index: WorkspaceIndex, current: Omit<IndexEntry, 'offeredTo'>): WorkspaceIndex {
  const previous = index.entries.find((entry) => entry.storage === current.storage);
  const entry: IndexEntry = previous?.offeredTo === undefined ? { ...current } : { ...current, offeredTo: previous.offeredTo };
  const others = index.entries.filter((candidate) => candidate.storage !== current.storage);
  const kept = others.length < MAX_INDEX_ENTRIES ? others : [...others].sort((a, b) => b.lastSeen - a.lastSeen).slice(0, MAX_INDEX_ENTRIES - 1);
  return { v: WORKSPACE_INDEX_VERSION, entries: [...kept, entry] };
}

/** The index without a workspace's entry (Delete All Data). */
export function forgetWorkspace(index: WorkspaceIndex, storage: string): WorkspaceIndex {
  return { v: WORKSPACE_INDEX_VERSION, entries: index.entries.filter((entry) => entry.storage !== storage) };
}

/** The predecessor's history was offered to `storage`: it is not offered again, whatever the answer. */
export function markOffered(index: WorkspaceIndex, predecessor: string, storage: string): WorkspaceIndex {
  return { v: WORKSPACE_INDEX_VERSION, entries: index.entries.map((entry) => (entry.storage === predecessor ? { ...entry, offeredTo: storage } : entry)) };
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return a.some((item) => b.includes(item));
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || a.length !== b.length) {
    return false;
  }
  const sorted = [...b].sort();
  return [...a].sort().every((name, i) => name === sorted[i]);
}

/** Mostly the same files at the top (Jaccard similarity), and enough of them to tell. */
function similarTopLevel(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < MIN_TOP_LEVEL_NAMES || b.length < MIN_TOP_LEVEL_NAMES) {
    return false;
  }
  const shared = a.filter((name) => b.includes(name)).length;
  return shared / (a.length + b.length - shared) >= MIN_TOP_LEVEL_SHARED;
}

/**
 * The same project, seen apart from its path: the same first commit when both are Git repositories
 * that have one (a remote can change; a clone elsewhere is told apart by its folder still being
 * there), else the same remote, else folders of the same names (moved) or with mostly the same
 * files at the top (renamed).
 */
export function sameProject(a: WorkspaceIdentity, b: WorkspaceIdentity): boolean {
  if (a.firstCommits.length > 0 && b.firstCommits.length > 0) {
    return overlaps(a.firstCommits, b.firstCommits);
  }
  if (a.remotes.length > 0 && b.remotes.length > 0) {
    return overlaps(a.remotes, b.remotes);
  }
  return sameNames(a.names, b.names) || similarTopLevel(a.topLevel, b.topLevel);
}

/** Why a predecessor was found: what the offer tells the user. */
export type PredecessorReason = 'sameFolder' | 'moved';

export interface Predecessor {
  readonly entry: IndexEntry;
  readonly reason: PredecessorReason;
}

/**
 * The workspace whose history this one (which has none yet) most likely continues, if any:
 * - one of its folders is one of ours, opened another way (a `.code-workspace` file, or alone after
 *   one), or
 * - none of its folders exists any more (`exists` says which do) and it is the same project: the
 *   folder was renamed or moved. A second checkout whose folder is still there is another workspace.
 * Each predecessor is offered once; among several, the one seen last.
 */
export function findPredecessor(index: WorkspaceIndex, current: WorkspaceIdentity, storage: string, exists: (folder: string) => boolean): Predecessor | undefined {
  let found: Predecessor | undefined;
  for (const entry of index.entries) {
    if (entry.storage === storage || !entry.hasHistory || entry.offeredTo !== undefined) {
      continue;
    }
    const reason: PredecessorReason | undefined = overlaps(entry.identity.folders, current.folders)
      ? 'sameFolder'
      : entry.identity.folders.length > 0 && !entry.identity.folders.some(exists) && sameProject(entry.identity, current) ? 'moved' : undefined;
    if (reason !== undefined && (found === undefined || entry.lastSeen > found.entry.lastSeen)) {
      found = { entry, reason };
    }
  }
  return found;
}

/** The folders whose existence `findPredecessor` may ask about (checked by the host beforehand). */
export function foldersToCheck(index: WorkspaceIndex, storage: string): string[] {
  const folders = new Set<string>();
  for (const entry of index.entries) {
    if (entry.storage !== storage && entry.hasHistory && entry.offeredTo === undefined) {
      entry.identity.folders.forEach((folder) => folders.add(folder));
    }
  }
  return [...folders];
}
