/**
 * Every name the extension stores anything under, in one place: the Memento keys and the files and
 * folders it writes in its storage folders. The README's privacy section lists the same names; a
 * new key or file belongs here first.
 */

/** `workspaceState`: each window's history record is `history.w.<window id>`; readers merge them all. */
export const HISTORY_KEY_PREFIX = 'history.w.';
/** `workspaceState`: where the store keeps a damaged value when no quarantine folder is given. */
export const QUARANTINE_KEY_PREFIX = 'quarantine.';
/** `globalState`: all reflections, one entry per local day. */
export const REFLECTIONS_KEY = 'reflections';
/** `globalState`: when the reflection reminder was last shown or snoozed. */
export const REMINDER_STATE_KEY = 'reflection.reminder';

/** In the workspace's storage folder: each window's copy of its history record, shared by all windows. */
export const WINDOWS_FOLDER = 'windows';
/** In the workspace's storage folder: the merged history of all windows, rewritten every few minutes. */
export const BACKUP_FILE = 'history-backup.json';
/**
 * In the workspace's storage folder: the history as it was each time before maintenance removed
 * part of it (days past retention, old session detail), one backup file per removal, the newest
 * few kept; each can be restored with *Restore History…*.
 */
export const BEFORE_REMOVAL_FOLDER = 'before-removal';
/** How many of those copies are kept. */
export const BEFORE_REMOVAL_KEPT = 7;
/** In either storage folder: stored values that could not be read, each kept with the reason. */
export const QUARANTINE_FOLDER = 'quarantine';
/** In the global storage folder: a copy of all reflections, rewritten after every change. */
export const REFLECTIONS_BACKUP_FILE = 'reflections-backup.json';
/**
 * In the global storage folder: for each workspace seen on this machine, what identifies it (its
 * folders, their names, Git first commit and remote) and where its history lives, so that a
 * renamed or moved folder finds its history again. Never synced.
 */
export const WORKSPACE_INDEX_FILE = 'workspace-index.json';
/**
 * In the global storage folder: each workspace's copy of its daily totals (`<workspace key>.json`,
 * counts only, never synced), for the dashboard's "All projects". Delete All Data removes this
 * workspace's copy; the dashboard removes any other one.
 */
export const PROJECTS_FOLDER = 'projects';
/**
 * `workspaceState` (and a copy in `windows/` for the other windows): what history maintenance
 * must remember across restarts, a clock held as ahead and the retention the user agreed to.
 */
export const MAINTENANCE_KEY = 'history.maintenance';

/** Every `workspaceState` key the history store writes (Delete All Data removes them all). */
export function isStoreKey(key: string): boolean {
  return key.startsWith(HISTORY_KEY_PREFIX) || key.startsWith(QUARANTINE_KEY_PREFIX) || key === MAINTENANCE_KEY;
}
