/**
 * What a command typed in the integrated terminal is, from its command line alone: an AI agent CLI
 * (its writes are AI-assisted work), a command that rewrites files for other reasons (git checkout,
 * a package install: its writes are nobody's new work), or anything else (undefined).
 */

export type CommandKind =
  | { readonly kind: 'agent'; readonly name: string }
  | { readonly kind: 'external'; readonly name: string };

/** Agent CLIs recognised by default, by executable name. */
export const DEFAULT_TERMINAL_AGENTS: readonly string[] = [
  'claude', 'codex', 'copilot', 'gemini', 'aider', 'opencode', 'cursor-agent', 'amp', 'goose', 'qwen', 'crush',
  'auggie', 'droid', 'cline', 'kimi',
];

/** npm and Python packages whose executable is an agent above (also run as `npx <package>`). */
const AGENT_PACKAGES: Readonly<Record<string, string>> = {
  '@anthropic-ai/claude-code': 'claude',
  '@openai/codex': 'codex',
  '@github/copilot': 'copilot',
  '@google/gemini-cli': 'gemini',
  'aider-chat': 'aider',
  'aider-install': 'aider',
  'opencode-ai': 'opencode',
  '@sourcegraph/amp': 'amp',
  '@qwen-code/qwen-code': 'qwen',
  '@charmland/crush': 'crush',
  '@augmentcode/auggie': 'auggie',
  'cline': 'cline',
  'kimi-cli': 'kimi',
};

const GIT_REWRITES: ReadonlySet<string> = new Set([
  'checkout', 'switch', 'pull', 'merge', 'rebase', 'stash', 'reset', 'restore', 'cherry-pick', 'revert', 'am', 'apply', 'clone',
]);
const PACKAGE_MANAGERS: ReadonlySet<string> = new Set(['npm', 'pnpm', 'yarn', 'bun', 'pip', 'pip3', 'uv', 'poetry', 'composer', 'bundle', 'cargo', 'go']);
const INSTALL_VERBS: ReadonlySet<string> = new Set([
  'install', 'i', 'ci', 'add', 'remove', 'rm', 'uninstall', 'un', 'update', 'up', 'upgrade', 'sync', 'dedupe', 'prune', 'get', 'mod', 'lock',
]);

/** Words that run the next word as the command (and their options that take a value). */
const WRAPPERS: Readonly<Record<string, ReadonlySet<string>>> = {
  env: new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']),
  sudo: new Set(['-u', '--user', '-g', '--group']),
  command: new Set(),
  exec: new Set(),
  nohup: new Set(),
  time: new Set(),
  nice: new Set(['-n']),
  npx: new Set(['-p', '--package', '-c', '--call']),
  bunx: new Set(['-p', '--package']),
  uvx: new Set(['--from', '--with', '-p', '--python']),
};
/** Two-word runners: `pnpm dlx claude`, `pipx run aider`… */
const RUNNER_VERBS: Readonly<Record<string, ReadonlySet<string>>> = {
  pnpm: new Set(['dlx', 'exec', 'x']),
  yarn: new Set(['dlx', 'exec']),
  npm: new Set(['exec', 'x']),
  bun: new Set(['x']),
  pipx: new Set(['run']),
  uv: new Set(['run', 'tool']),
};

/** A backslash escapes only these; elsewhere it is a Windows path separator (`C:\tools\codex.exe`). */
const ESCAPABLE: ReadonlySet<string> = new Set([' ', '\t', '"', "'", '\\', ';', '&', '|', '(', ')', '#', '$']);
/** git's options that take a value before the subcommand. */
const GIT_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set(['-c', '-C', '--git-dir', '--work-tree', '--namespace']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** One entry of the setting: a name (or package) to add, or `-name` to remove a default. */
const ENTRY = /^-?[A-Za-z0-9@][A-Za-z0-9._@/+-]{0,99}$/;
const MAX_COMMAND_LINE = 4_000;

/**
 * The agent names in effect: the defaults, plus the setting's names, minus its `-name` entries.
 * Invalid entries are ignored.
 */
export function terminalAgentNames(setting: readonly unknown[]): ReadonlySet<string> {
  const names = new Set(DEFAULT_TERMINAL_AGENTS);
  for (const entry of setting) {
    if (typeof entry !== 'string' || !ENTRY.test(entry.trim())) {
      continue;
    }
    const value = entry.trim().toLowerCase();
    if (value.startsWith('-')) {
      names.delete(value.slice(1));
    } else {
      names.add(value);
    }
  }
  return names;
}

/** Splits a command line into words, honouring quotes and backslashes; stops at a comment. */
export function shellWords(line: string): string[][] {
  const commands: string[][] = [[]];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  const flush = (): void => {
    if (word !== undefined) {
      commands[commands.length - 1].push(word);
      word = undefined;
    }
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote !== undefined) {
      if (ch === quote) {
        quote = undefined;
      } else if (ch === '\\' && quote === '"' && i + 1 < line.length) {
        word = (word ?? '') + line[++i];
      } else {
        word = (word ?? '') + ch;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < line.length && ESCAPABLE.has(line[i + 1])) {
      word = (word ?? '') + line[++i];
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      flush();
    } else if (ch === ';' || ch === '|' || ch === '&' || ch === '(' || ch === ')') {
      flush();
      if (commands[commands.length - 1].length > 0) {
        commands.push([]);
      }
    } else if (ch === '#' && word === undefined) {
      break;
    } else {
      word = (word ?? '') + ch;
    }
  }
  flush();
  return commands.filter((words) => words.length > 0);
}

/** The file name of an executable path, without a Windows extension, lower case. */
function executableName(word: string): string {
  const base = word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1).toLowerCase();
  return base.replace(/\.(exe|cmd|bat|ps1|js|mjs|cjs)$/, '');
}

/** A package spec without its version: `@openai/codex@latest` → `@openai/codex`, `aider-chat==0.8` → `aider-chat`. */
function packageName(word: string): string {
  const lower = word.toLowerCase().replace(/[=<>~!].*$/, '');
  const at = lower.indexOf('@', 1);
  return at > 0 ? lower.slice(0, at) : lower;
}

/** The word that names the command, past assignments, wrappers and runners; its index. */
function commandWord(words: readonly string[]): number {
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (ASSIGNMENT.test(word)) {
      i++;
      continue;
    }
    const name = executableName(word);
    const wrapperOptions = WRAPPERS[name];
    const runnerVerbs = RUNNER_VERBS[name];
    if (wrapperOptions !== undefined) {
      i = skipOptions(words, i + 1, wrapperOptions);
    } else if (runnerVerbs !== undefined && i + 1 < words.length && runnerVerbs.has(words[i + 1])) {
      i = skipOptions(words, i + 2, WRAPPERS.npx);
    } else {
      return i;
    }
  }
  return -1;
}

const NO_OPTIONS: ReadonlySet<string> = new Set();

/** Skips options (and the values of those that take one) and a `--`. */
function skipOptions(words: readonly string[], from: number, withValue: ReadonlySet<string>): number {
  let i = from;
  while (i < words.length && words[i].startsWith('-')) {
    const option = words[i];
    i += option === '--' ? 1 : withValue.has(option) ? 2 : 1;
    if (option === '--') {
      break;
    }
  }
  return i;
}

function agentOf(words: readonly string[], agents: ReadonlySet<string>): string | undefined {
  // `npx -p @openai/codex codex`, `uvx --from aider-chat aider`: the package option names the agent too.
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] === '-p' || words[i] === '--package' || words[i] === '--from') {
      const fromPackage = AGENT_PACKAGES[packageName(words[i + 1])];
      if (fromPackage !== undefined && agents.has(fromPackage)) {
        return fromPackage;
      }
    }
  }
  const at = commandWord(words);
  if (at < 0) {
    return undefined;
  }
  const name = executableName(words[at]);
  const pkg = packageName(words[at]);
  const canonical = AGENT_PACKAGES[pkg] ?? name;
  if (agents.has(canonical)) {
    return canonical;
  }
  return agents.has(pkg) ? pkg : undefined;
}

function externalOf(words: readonly string[]): string | undefined {
  const at = commandWord(words);
  if (at < 0) {
    return undefined;
  }
  const name = executableName(words[at]);
  const verb = words[skipOptions(words, at + 1, name === 'git' ? GIT_OPTIONS_WITH_VALUE : NO_OPTIONS)] as string | undefined;
  if (name === 'git') {
    return verb !== undefined && GIT_REWRITES.has(verb) ? 'git' : undefined;
  }
  if (PACKAGE_MANAGERS.has(name)) {
    // A bare `yarn`, `bun` or `pnpm` installs.
    return (verb === undefined && (name === 'yarn' || name === 'pnpm' || name === 'bun')) || (verb !== undefined && INSTALL_VERBS.has(verb)) ? name : undefined;
  }
  return undefined;
}

/**
 * What a command line runs. An agent anywhere in it wins (`cd app && claude`); otherwise the first
 * file-rewriting command. `agents` comes from `terminalAgentNames`.
 */
export function classifyCommandLine(line: string, agents: ReadonlySet<string>): CommandKind | undefined {
  if (typeof line !== 'string' || line.length === 0) {
    return undefined;
  }
  const commands = shellWords(line.length > MAX_COMMAND_LINE ? line.slice(0, MAX_COMMAND_LINE) : line);
  for (const words of commands) {
    const agent = agentOf(words, agents);
    if (agent !== undefined) {
      return { kind: 'agent', name: agent };
    }
  }
  for (const words of commands) {
    const external = externalOf(words);
    if (external !== undefined) {
      return { kind: 'external', name: external };
    }
  }
  return undefined;
}
