/**
 * Records one generated session: a fresh workspace from the plan (a git repository with a `feature`
 * branch for the checkout steps), the real workbench with the recorder and the fake extensions, every
 * step performed in order with its pause, and the recorder's events merged with the step records.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRunDir, removeRunDir } from '../harness/codeServer';
import { delay, Workbench } from '../e2e/workbench';
import { press } from './actions';
import type { EventRecord, StepRecord } from './corpus';
import type { SessionPlan } from './generator';
import { CORPUS_SETTINGS } from './sessions';
import { perform, show, type RunQueued, type StepContext } from './steps';

/** Quiet time after the last step, so late events (pairing, reloads) are recorded. */
const SETTLE_MS = 1_500;

function git(workspace: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Corpus', '-c', 'user.email=corpus@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace, stdio: 'ignore' });
}

/** The plan's files committed on `main`, and a `feature` branch with the checkout steps' versions. */
async function prepareWorkspace(workspace: string, plan: SessionPlan): Promise<void> {
  await mkdir(workspace, { recursive: true });
  for (const [name, content] of Object.entries(plan.files)) {
    await writeFile(join(workspace, name), content);
  }
  git(workspace, 'init', '-q', '-b', 'main');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'start');
  git(workspace, 'checkout', '-q', '-b', 'feature');
  for (const [name, content] of Object.entries(plan.branch)) {
    await writeFile(join(workspace, name), content);
  }
  git(workspace, 'commit', '-q', '--allow-empty', '-am', 'feature');
  git(workspace, 'checkout', '-q', 'main');
}

/** Runs a command with an argument through the recorder's palette command (see recorder.ts). */
function queuedRunner(workbench: Workbench, raw: string): RunQueued {
  let counter = 0;
  return async (id, args) => {
    const token = String(++counter);
    const done = `${raw}.done-${token}.json`;
    await writeFile(`${raw}.queue.json`, JSON.stringify({ token, id, args }));
    await workbench.runCommand('Corpus Recorder: Run Queued Command');
    const deadline = Date.now() + 60_000;
    while (!existsSync(done)) {
      if (Date.now() > deadline) {
        throw new Error(`${id} did not finish within 60 s`);
      }
      await delay(50);
    }
    const answer = JSON.parse(await readFile(done, 'utf8')) as { ok: boolean; result?: unknown; error?: string };
    if (!answer.ok) {
      throw new Error(`${id}: ${answer.error ?? 'failed'}`);
    }
    return answer.result;
  };
}

async function runSteps(workbench: Workbench, plan: SessionPlan, raw: string, log: (line: string) => void): Promise<StepRecord[]> {
  const context: StepContext = { workbench, runQueued: queuedRunner(workbench, raw), index: 0, current: undefined };
  const steps: StepRecord[] = [];
  for (const [index, step] of plan.steps.entries()) {
    context.index = index;
    const record: StepRecord = {
      type: 'step',
      t: Date.now(),
      index,
      kind: step.kind,
      ...(step.command ? { command: step.command.id } : {}),
      ...(step.anonymous ? { anonymous: step.anonymous } : {}),
    };
    let started: StepRecord | undefined;
    try {
      if (step.show) {
        await show(context, step.file);
      }
      // The step begins once its file is shown: opening a file is not part of the step's edits.
      started = { ...record, t: Date.now() };
      steps.push(started);
      await perform(context, step);
      if (step.command?.id === 'fakeAgent.createFileStream') {
        context.current = step.file;
      }
    } catch (error) {
      const failed = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const screenshot = join(tmpdir(), `corpus-failure-${plan.seed}-${index}.png`);
      await workbench.page.screenshot({ path: screenshot }).catch(() => undefined);
      log(`    step ${index} (${step.kind}) failed: ${failed} (${screenshot})`);
      if (started) {
        steps[steps.length - 1] = { ...started, failed };
      } else {
        steps.push({ ...record, failed });
      }
      // Out of whatever widget or dialog the failure left open.
      await press(workbench, 'Escape', 'Escape').catch(() => undefined);
      context.current = undefined;
    }
    await delay(step.pauseMs);
  }
  return steps;
}

function parseRaw(text: string): EventRecord[] {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as EventRecord);
}

/** Steps and events in time order (a step's record comes before the edits it caused). */
function merge(events: readonly EventRecord[], steps: readonly StepRecord[]): EventRecord[] {
  const merged: EventRecord[] = [];
  let next = 0;
  for (const event of events) {
    while (next < steps.length && steps[next].t <= event.t) {
      merged.push(steps[next++]);
    }
    merged.push(event);
  }
  return [...merged, ...steps.slice(next)];
}

export interface GeneratedRecording {
  readonly records: EventRecord[];
  readonly failedSteps: number;
}

/** Performs `plan` in a fresh workbench with the recorder (an extension folder) installed. */
export async function recordPlan(plan: SessionPlan, recorderDir: string, log: (line: string) => void): Promise<GeneratedRecording> {
  const runDir = await makeRunDir(`corpus-${plan.seed}`);
  const raw = join(runDir, 'corpus.raw.jsonl');
  await prepareWorkspace(join(runDir, 'workspace'), plan);
  const workbench = await Workbench.open({
    name: `corpus-${plan.seed}`,
    runDir,
    settings: CORPUS_SETTINGS,
    helperExtensions: ['fake-chat', 'fake-agent', 'fake-tool', recorderDir],
    env: { OWNERSHIP_CORPUS_RAW: raw },
  });
  let steps: StepRecord[] = [];
  let failed = false;
  try {
    // Let the language server and the extensions settle before the first step.
    await delay(2_000);
    steps = await runSteps(workbench, plan, raw, log);
    await delay(SETTLE_MS);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await workbench.close(failed);
  }
  if (!existsSync(raw)) {
    throw new Error('the recorder wrote nothing: is it installed and active?');
  }
  const events = parseRaw(await readFile(raw, 'utf8')).filter((record) => record.t >= steps[0].t - 5_000);
  await removeRunDir(runDir);
  return { records: merge(events, steps), failedSteps: steps.filter((step) => step.failed).length };
}
