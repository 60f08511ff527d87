/**
 * The session generator: a seed gives a plan of a developer's session — weighted step kinds in
 * random order with varied pauses, across LF and CRLF files and prose — that the step runner
 * (stepRunner.ts) performs in the real VS Code. The same seed always gives the same plan. For the
 * edits VS Code labels anonymously (an extension's `workspace.applyEdit` or `TextEditor.edit`), the
 * plan declares what the extension is, which becomes the truth label in the recording.
 */
import { Prng } from './prng';
import {
  AGENT_ANSWERS, checkoutBranchText, CODE_LINES, GHOST_TRIGGERS, MATH_TS, PASTES, PREPARED, PROSE_LINES, TSCONFIG, toCrlf,
} from './texts';

export type StepKind =
  | 'type' | 'deleteWord' | 'ghost' | 'intellisense' | 'snippet' | 'paste' | 'cutPaste' | 'copyPaste'
  | 'undoRedo' | 'multiCursor' | 'chat' | 'nextEdit' | 'format' | 'rename' | 'quickFix' | 'agent' | 'tool'
  | 'diskChange' | 'saveThenDisk' | 'gitCheckout' | 'save' | 'switchFile';

export type AgentStyle = 'diffView' | 'editorStream' | 'applyEditStream' | 'applyEditClosed' | 'createFileStream';
export type ToolCommand = 'licenseHeader' | 'fixAll' | 'organizeImports' | 'codemod';

/** What a step's anonymous extension edits are. */
export type AnonymousTruth = 'aiChat' | 'tool';

export interface PlanStep {
  readonly kind: StepKind;
  /** The file the step works in (workspace-relative); the runner shows it first unless `show` is false. */
  readonly file: string;
  readonly show: boolean;
  /** What is typed, pasted or ghost-triggered. */
  readonly text?: string;
  /** A command of a fake extension with its argument. */
  readonly command?: { readonly id: string; readonly args: Readonly<Record<string, unknown>> };
  readonly ghost?: (typeof GHOST_TRIGGERS)[number];
  /** Files a `git checkout` restores (the first of them shown before). */
  readonly files?: readonly string[];
  readonly chat?: 'add' | 'rename';
  /** Close the chat view after keeping its edits. */
  readonly closeChat?: boolean;
  /** How long the developer waits after the step. */
  readonly pauseMs: number;
  readonly anonymous?: AnonymousTruth;
}

export interface SessionPlan {
  readonly seed: number;
  /** The workspace at the start (committed to git on `main`). */
  readonly files: Readonly<Record<string, string>>;
  /** The same files on the `feature` branch, for `git checkout feature -- …`. */
  readonly branch: Readonly<Record<string, string>>;
  readonly steps: readonly PlanStep[];
}

/** How often each step kind is drawn (relative weights). */
export const STEP_WEIGHTS: Readonly<Record<StepKind, number>> = {
  type: 16, deleteWord: 2, ghost: 6, intellisense: 2, snippet: 1, paste: 3, cutPaste: 2, copyPaste: 2,
  undoRedo: 3, multiCursor: 2, chat: 2, nextEdit: 2, format: 2, rename: 1, quickFix: 1, agent: 8, tool: 5,
  diskChange: 2, saveThenDisk: 2, gitCheckout: 1, save: 2, switchFile: 3,
};
const AGENT_WEIGHTS: Readonly<Record<AgentStyle, number>> = { diffView: 1, editorStream: 1, applyEditStream: 1, applyEditClosed: 1, createFileStream: 1 };
const TOOL_WEIGHTS: Readonly<Record<ToolCommand, number>> = { licenseHeader: 2, fixAll: 1, organizeImports: 1, codemod: 1 };
/** Pauses after a step: mostly short, sometimes longer than any intent window. */
const PAUSES_MS: readonly number[] = [0, 0, 0, 100, 100, 200, 300, 500, 800, 1_500, 3_500];

const WORK_FILES: Readonly<Record<string, string>> = {
  'work.ts': 'import { clamp, ratio } from "./math";\n\nexport const start = clamp(ratio, 0, 1);\n',
  'work-crlf.ts': toCrlf('// A file with Windows line endings.\nexport const width = 80;\n'),
  'script.js': 'const items = [1, 2, 3];\n',
  'notes.md': '# Notes\n\nThe session starts here.\n',
  'notes-crlf.md': toCrlf('# Notizen\n\nZeilenenden wie unter Windows.\n'),
};
const CODE_FILES = ['work.ts', 'work-crlf.ts', 'script.js'];

class Planner {
  readonly files: Record<string, string> = { 'tsconfig.json': TSCONFIG, 'math.ts': MATH_TS, ...WORK_FILES };
  readonly branch: Record<string, string> = {};
  readonly steps: PlanStep[] = [];
  private current = 'work.ts';
  private prepared = 0;

  constructor(readonly random: Prng) {}

  /** A new prepared file for one step: its name and content go into the workspace. */
  prepare(stem: string, extension: string, content: string): string {
    const name = `${stem}-${++this.prepared}.${extension}`;
    this.files[name] = content;
    return name;
  }

  add(step: Omit<PlanStep, 'pauseMs' | 'show'> & { show?: boolean }, current = step.file): void {
    this.steps.push({ show: true, ...step, pauseMs: this.random.pick(PAUSES_MS) });
    if (step.show !== false) {
      this.current = current;
    }
  }

  get file(): string {
    return this.current;
  }

  codeFile(): string {
    return CODE_FILES.includes(this.current) || /\.(ts|js)$/.test(this.current) ? this.current : this.random.pick(CODE_FILES);
  }

  line(): string {
    return this.random.pick(this.current.endsWith('.md') ? PROSE_LINES : CODE_LINES);
  }
}

function planAgent(planner: Planner): void {
  const { random } = planner;
  const style = random.weighted(AGENT_WEIGHTS);
  const text = random.pick(AGENT_ANSWERS);
  const id = `fakeAgent.${style}`;
  if (style === 'applyEditClosed') {
    const file = planner.prepare('closed', 'ts', PREPARED.closed());
    planner.add({ kind: 'agent', file, show: false, command: { id, args: { file, text } }, anonymous: 'aiChat' });
  } else if (style === 'createFileStream') {
    const file = `new-${random.int(100, 999)}-${planner.steps.length}.ts`;
    planner.add({ kind: 'agent', file, show: false, command: { id, args: { file, text } }, anonymous: 'aiChat' }, file);
    planner.add({ kind: 'switchFile', file });
  } else if (style === 'applyEditStream' && random.chance(0.5)) {
    // Into a document the agent opens but no editor of the user shows.
    const file = random.pick(Object.keys(WORK_FILES).filter((name) => name !== planner.file));
    planner.add({ kind: 'agent', file, show: false, command: { id, args: { file, text } }, anonymous: 'aiChat' });
  } else {
    const region = style === 'applyEditStream' ? {} : { line: random.int(0, 3), replaceLines: random.int(0, 2) };
    const file = planner.file;
    planner.add({ kind: 'agent', file, command: { id, args: { file, text, ...region } }, anonymous: 'aiChat' });
  }
}

function planTool(planner: Planner): void {
  const { random } = planner;
  const command = random.weighted(TOOL_WEIGHTS);
  const id = `fakeTool.${command}`;
  if (command === 'licenseHeader') {
    planner.add({ kind: 'tool', file: planner.file, command: { id, args: { lines: random.int(1, 3) } }, anonymous: 'tool' });
  } else if (command === 'fixAll') {
    const file = planner.prepare('lint', 'js', PREPARED.lint());
    planner.add({ kind: 'tool', file, command: { id, args: { file } }, anonymous: 'tool' });
  } else if (command === 'organizeImports') {
    const file = planner.prepare('imports', 'ts', PREPARED.imports());
    planner.add({ kind: 'tool', file, command: { id, args: { add: ['import { c } from "./c";'] } }, anonymous: 'tool' });
  } else {
    const files = Array.from({ length: random.int(2, 4) }, (_, index) => planner.prepare('mod', 'ts', PREPARED.codemod(index)));
    planner.add({ kind: 'tool', file: files[0], command: { id, args: { files, from: 'legacyLog', to: 'logEvent' } }, anonymous: 'tool' });
  }
}

function planPrepared(planner: Planner, kind: StepKind): void {
  const { random } = planner;
  switch (kind) {
    case 'format':
      planner.add({ kind, file: planner.prepare('format', 'ts', PREPARED.format()) });
      break;
    case 'rename':
      planner.add({ kind, file: planner.prepare('rename', 'ts', PREPARED.rename()) });
      break;
    case 'quickFix':
      planner.add({ kind, file: planner.prepare('fix', 'ts', PREPARED.quickFix()) });
      break;
    case 'nextEdit':
      planner.add({ kind, file: planner.prepare('nes', 'js', PREPARED.nextEdit()) });
      break;
    case 'chat':
      planner.add({ kind, file: planner.prepare('chat', 'ts', PREPARED.chat()), chat: random.chance(0.7) ? 'add' : 'rename', closeChat: random.chance(0.6) });
      break;
    case 'diskChange':
      planner.add({ kind, file: planner.prepare('disk', 'ts', PREPARED.disk()) });
      break;
    default: {
      const files = Array.from({ length: random.int(2, 3) }, (_, index) => planner.prepare('checkout', 'ts', PREPARED.checkout(index)));
      files.forEach((file, index) => {
        planner.branch[file] = checkoutBranchText(index);
      });
      planner.add({ kind, file: files[0], files });
    }
  }
}

function planEditing(planner: Planner, kind: StepKind): void {
  const { random } = planner;
  switch (kind) {
    case 'type': {
      const lines = Array.from({ length: random.int(1, 2) }, () => planner.line());
      // Sometimes trailing spaces, which trim-on-save removes later.
      planner.add({ kind, file: planner.file, text: lines.join('\n') + (random.chance(0.15) ? '   ' : '') });
      break;
    }
    case 'ghost':
      planner.add({ kind, file: planner.file, ghost: random.pick(GHOST_TRIGGERS) });
      break;
    case 'intellisense':
      // A completion's additional edits (an auto-import) are anonymous too: they are IntelliSense's.
      planner.add({ kind, file: planner.codeFile(), anonymous: 'tool' });
      break;
    case 'snippet':
      planner.add({ kind, file: planner.codeFile() });
      break;
    case 'paste':
      planner.add({ kind, file: planner.file, text: random.pick(PASTES) });
      break;
    case 'switchFile':
      planner.add({ kind, file: random.pick(Object.keys(WORK_FILES).filter((name) => name !== planner.file)) });
      break;
    case 'saveThenDisk':
      planner.add({ kind, file: planner.file, text: planner.line() });
      break;
    default:
      planner.add({ kind, file: planner.file });
  }
}

const PREPARED_KINDS: ReadonlySet<StepKind> = new Set(['format', 'rename', 'quickFix', 'nextEdit', 'chat', 'diskChange', 'gitCheckout']);

/** The plan of session `seed`: 30–34 steps, starting with typing in `work.ts`. */
export function generatePlan(seed: number, options: { steps?: number } = {}): SessionPlan {
  const random = new Prng(seed);
  const planner = new Planner(random);
  const count = options.steps ?? random.int(30, 34);
  planner.add({ kind: 'type', file: 'work.ts', text: random.pick(CODE_LINES) });
  while (planner.steps.length < count) {
    const kind = random.weighted(STEP_WEIGHTS);
    if (kind === 'agent') {
      planAgent(planner);
    } else if (kind === 'tool') {
      planTool(planner);
    } else if (PREPARED_KINDS.has(kind)) {
      planPrepared(planner, kind);
    } else {
      planEditing(planner, kind);
    }
  }
  return { seed, files: planner.files, branch: planner.branch, steps: planner.steps };
}
