/**
 * `npm run corpus:record`: re-records the labelled corpus in test/fixtures/corpus/. Bundles the
 * recorder extension (test/corpus/recorder.ts, which reuses the product's change watcher and intent
 * sources), opens the real VS Code 1.139 (code-server) with it and the fake AI extensions, performs
 * every scripted session of test/corpus/sessions.ts and every generated session (the seeds of
 * test/corpus/seeds.ts, one fresh workbench each), and writes each session's records as JSON lines
 * (generated ones gzipped under generated/train and generated/heldOut).
 * `OWNERSHIP_CORPUS_ONLY=scripted|train|heldOut` (comma-separated) records only those parts;
 * scripted session names (`chat,agent`) record only those scripted sessions;
 * `OWNERSHIP_CORPUS_SEEDS=7201,7202` only those seeds.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { CODE_SERVER_VERSION, makeRunDir, removeRunDir, repoRoot } from '../harness/codeServer';
import { delay, Workbench } from '../e2e/workbench';
import { CORPUS_DIR, CORPUS_FORMAT, generatedDir, type EventRecord, type SessionHeader } from './corpus';
import { generatePlan, type SessionPlan } from './generator';
import { HELD_OUT_SEEDS, TRAIN_SEEDS } from './seeds';
import { CORPUS_FILES, CORPUS_SETTINGS, SESSIONS, type RecordingSession } from './sessions';
import { recordPlan, type GeneratedRecording } from './stepRunner';

/** Intents this long before a session still explain its first edits (the widest intent window is 3 s). */
const INTENT_LEAD_MS = 5_000;
/** Quiet time after a session, so late events (pairing, reloads, chat) land in it. */
const SETTLE_MS = 1_000;

/** The recorder as an installable extension folder: a bundle of recorder.ts and a manifest. */
export async function buildRecorder(dir: string): Promise<void> {
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
      commands: [{ command: 'corpusRecorder.runQueued', title: 'Corpus Recorder: Run Queued Command' }],
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

const RECORDED_WITH = `VS Code 1.139 (code-server ${CODE_SERVER_VERSION})`;

async function recordScripted(recorderDir: string, only: readonly string[] | undefined): Promise<string[]> {
  const sessions = SESSIONS.filter((session) => !only || only.includes(session.name));
  const runDir = await makeRunDir('corpus');
  const raw = join(runDir, 'corpus.raw.jsonl');
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
  if (!only) {
    for (const stale of (await readdir(CORPUS_DIR)).filter((name) => name.endsWith('.jsonl'))) {
      await rm(join(CORPUS_DIR, stale));
    }
  }
  for (const window of windows) {
    const records = recordsOf(all, window);
    problems.push(...check(records, window.session));
    const header: SessionHeader = { type: 'session', format: CORPUS_FORMAT, name: window.session.name, description: window.session.description, recordedWith: RECORDED_WITH, group: 'scripted' };
    const file = join(CORPUS_DIR, `${String(SESSIONS.indexOf(window.session) + 1).padStart(2, '0')}-${window.session.name}.jsonl`);
    await writeFile(file, [header, ...records].map((record) => JSON.stringify(record)).join('\n') + '\n');
    const changes = records.filter((record) => record.type === 'change').length;
    console.log(`  wrote ${file} (${changes} changes, ${records.length} records)`);
  }
  await removeRunDir(runDir);
  return problems;
}

/** Attempts per generated session: a failed step (a lost key, a widget that did not open) is a flake of the workbench, not of the session. */
const ATTEMPTS = 3;

/**
 * Records `plan` until no step fails, at most ATTEMPTS times, and keeps the attempt with the fewest
 * failed steps: a session with a failed step lacks the edits the step would have made, and a
 * workbench that crashed mid-session fails every later step.
 */
async function recordWithRetries(plan: SessionPlan, recorderDir: string): Promise<GeneratedRecording> {
  let best: GeneratedRecording | undefined;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const recording = await recordPlan(plan, recorderDir, (line) => console.log(line));
      if (!best || recording.failedSteps < best.failedSteps) {
        best = recording;
      }
      if (recording.failedSteps === 0) {
        break;
      }
      console.log(`    attempt ${attempt}: ${recording.failedSteps} failed steps`);
    } catch (error) {
      console.log(`    attempt ${attempt} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  if (!best) {
    throw new Error(`seed ${plan.seed}: every attempt failed`);
  }
  return best;
}

/** Records the generated sessions of one group. */
async function recordGenerated(recorderDir: string, group: 'train' | 'heldOut', seeds: readonly number[]): Promise<string[]> {
  const dir = generatedDir(group);
  await mkdir(dir, { recursive: true });
  const problems: string[] = [];
  for (const seed of seeds) {
    const plan = generatePlan(seed);
    const started = Date.now();
    console.log(`  ${group} seed ${seed} (${plan.steps.length} steps) …`);
    const recording = await recordWithRetries(plan, recorderDir);
    const header: SessionHeader = {
      type: 'session', format: CORPUS_FORMAT, name: `${group}-${seed}`, seed, group,
      description: `Generated session ${seed}: ${plan.steps.map((step) => step.kind).join(', ')}.`,
      recordedWith: RECORDED_WITH,
    };
    const file = join(dir, `${seed}.jsonl.gz`);
    await writeFile(file, gzipSync([header, ...recording.records].map((record) => JSON.stringify(record)).join('\n') + '\n'));
    const changes = recording.records.filter((record) => record.type === 'change').length;
    console.log(`    wrote ${file} (${changes} changes, ${recording.failedSteps} failed steps, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (recording.failedSteps > plan.steps.length / 5) {
      problems.push(`seed ${seed}: ${recording.failedSteps} of ${plan.steps.length} steps failed`);
    }
  }
  return problems;
}

const GROUPS = ['scripted', 'train', 'heldOut'] as const;

async function main(): Promise<void> {
  const only = process.env.OWNERSHIP_CORPUS_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
  const groups = only?.filter((name) => (GROUPS as readonly string[]).includes(name));
  const scriptedNames = only?.filter((name) => !(GROUPS as readonly string[]).includes(name));
  const wants = (group: string) => !only || groups?.includes(group) || (group === 'scripted' && (scriptedNames?.length ?? 0) > 0);
  const seedFilter = process.env.OWNERSHIP_CORPUS_SEEDS?.split(',').map(Number);
  const pick = (seeds: readonly number[]) => seeds.filter((seed) => !seedFilter || seedFilter.includes(seed));
  const recorderRun = await makeRunDir('corpus-recorder');
  const recorderDir = join(recorderRun, 'corpus-recorder');
  await buildRecorder(recorderDir);
  const problems: string[] = [];
  try {
    if (wants('scripted') && !seedFilter) {
      problems.push(...(await recordScripted(recorderDir, scriptedNames?.length ? scriptedNames : undefined)));
    }
    if (wants('heldOut')) {
      problems.push(...(await recordGenerated(recorderDir, 'heldOut', pick(HELD_OUT_SEEDS))));
    }
    if (wants('train')) {
      problems.push(...(await recordGenerated(recorderDir, 'train', pick(TRAIN_SEEDS))));
    }
  } finally {
    await removeRunDir(recorderRun);
  }
  if (problems.length > 0) {
    throw new Error(`the recording is incomplete:\n${problems.join('\n')}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
}
