/**
 * `npm run corpus:record`: re-records the labelled corpus in test/fixtures/corpus/. Bundles the
 * recorder extension (test/corpus/recorder.ts, which reuses the product's change watcher and intent
 * sources), opens the real VS Code 1.139 (code-server) with it and the fake AI extensions, performs
 * every session of test/corpus/sessions.ts, and writes each session's records as JSON lines.
 * `OWNERSHIP_CORPUS_ONLY=chat,agent` re-records only those sessions.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { CODE_SERVER_VERSION, makeRunDir, removeRunDir, repoRoot } from '../harness/codeServer';
import { delay, Workbench } from '../e2e/workbench';
import { CORPUS_DIR, CORPUS_FORMAT, type EventRecord, type SessionHeader } from './corpus';
import { CORPUS_FILES, CORPUS_SETTINGS, SESSIONS, type RecordingSession } from './sessions';

/** Intents this long before a session still explain its first edits (the widest intent window is 3 s). */
const INTENT_LEAD_MS = 5_000;
/** Quiet time after a session, so late events (pairing, reloads, chat) land in it. */
const SETTLE_MS = 1_000;

/** The recorder as an installable extension folder: a bundle of recorder.ts and a manifest. */
async function buildRecorder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(repoRoot, 'test', 'corpus', 'recorder.ts')],
    outfile: join(dir, 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  await writeFile(join(dir, 'package.json'), JSON.stringify({
    name: 'corpus-recorder',
    displayName: 'Corpus recorder (test fixture)',
    description: 'Writes every edit fact, selection change and intent the host sees, with detailedReason, for the accuracy corpus.',
    version: '0.0.1',
    publisher: 'ownership-tests',
    private: true,
    engines: { vscode: '^1.97.0' },
    activationEvents: ['*'],
    main: './extension.js',
    contributes: {
      // Accept Next Line has no default key.
      keybindings: [{ key: 'ctrl+alt+l', command: 'editor.action.inlineSuggest.acceptNextLine', when: 'editorTextFocus && inlineSuggestionVisible' }],
    },
  }, null, 2));
}

interface Window {
  readonly session: RecordingSession;
  readonly start: number;
  readonly end: number;
}

function parseRaw(text: string): EventRecord[] {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as EventRecord);
}

/** A session's records: its own events, plus the intents just before it that could explain them. */
function recordsOf(all: readonly EventRecord[], window: Window): EventRecord[] {
  return all.filter((record) => record.t <= window.end
    && (record.t >= window.start || (record.type === 'intent' && record.t >= window.start - INTENT_LEAD_MS)));
}

function check(records: readonly EventRecord[], session: RecordingSession): string[] {
  const sources = new Set(records.flatMap((record) => (record.type === 'change' && record.fact.detailedReason ? [record.fact.detailedReason.source] : [])));
  return session.expectSources.filter((source) => !sources.has(source)).map((source) => `${session.name}: no ${source} edit was recorded`);
}

async function main(): Promise<void> {
  const only = process.env.OWNERSHIP_CORPUS_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
  const sessions = SESSIONS.filter((session) => !only || only.includes(session.name));
  const runDir = await makeRunDir('corpus');
  const recorderDir = join(runDir, 'corpus-recorder');
  const raw = join(runDir, 'corpus.raw.jsonl');
  await buildRecorder(recorderDir);
  const workbench = await Workbench.open({
    name: 'corpus',
    runDir,
    files: CORPUS_FILES,
    settings: CORPUS_SETTINGS,
    helperExtensions: ['fake-chat', 'fake-agent', recorderDir],
    env: { OWNERSHIP_CORPUS_RAW: raw },
  });
  const windows: Window[] = [];
  let failed = false;
  try {
    // Let the language server and the extensions settle before the first session.
    await delay(2_000);
    for (const session of sessions) {
      const started = Date.now();
      process.stdout.write(`  ${session.name} … `);
      await session.run(workbench);
      await delay(SETTLE_MS);
      windows.push({ session, start: started, end: Date.now() });
      console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await workbench.close(failed);
  }
  if (!existsSync(raw)) {
    throw new Error('the recorder wrote nothing: is it installed and active?');
  }
  const all = parseRaw(await readFile(raw, 'utf8'));
  const problems: string[] = [];
  await mkdir(CORPUS_DIR, { recursive: true });
  if (!only) {
    for (const stale of (await readdir(CORPUS_DIR)).filter((name) => name.endsWith('.jsonl'))) {
      await rm(join(CORPUS_DIR, stale));
    }
  }
  for (const window of windows) {
    const records = recordsOf(all, window);
    problems.push(...check(records, window.session));
    const header: SessionHeader = {
      type: 'session',
      format: CORPUS_FORMAT,
      name: window.session.name,
      description: window.session.description,
      recordedWith: `VS Code 1.139 (code-server ${CODE_SERVER_VERSION})`,
    };
    const file = join(CORPUS_DIR, `${String(SESSIONS.indexOf(window.session) + 1).padStart(2, '0')}-${window.session.name}.jsonl`);
    await writeFile(file, [header, ...records].map((record) => JSON.stringify(record)).join('\n') + '\n');
    const changes = records.filter((record) => record.type === 'change').length;
    console.log(`  wrote ${file} (${changes} changes, ${records.length} records)`);
  }
  await removeRunDir(runDir);
  if (problems.length > 0) {
    throw new Error(`the recording is incomplete:\n${problems.join('\n')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
