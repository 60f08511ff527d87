/**
 * Which files written outside the editor count as work: source a person or an agent writes, not
 * dependencies, build output, version-control internals, lock files or binaries.
 */

/** Files above this size are not read (generated data, bundles); their writes are not counted. */
export const MAX_COUNTED_FILE_BYTES = 1_000_000;

/** Folders whose files are installed, generated or internal, at any depth. */
const IGNORED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', '.venv', 'venv', '__pycache__', '.mypy_cache',
  '.pytest_cache', '.tox', 'target', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache', '.parcel-cache', 'coverage',
  '.gradle', '.idea', '.vscode-test', 'bower_components', '.terraform', '.dart_tool', '.angular',
]);

/** A glob of the ignored folders, for a file search that should not even list them. */
export function ignoredFoldersGlob(): string {
  return `**/{${[...IGNORED_FOLDERS].join(',')}}/**`;
}

const LOCK_FILES: ReadonlySet<string> = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb', 'cargo.lock',
  'poetry.lock', 'pipfile.lock', 'uv.lock', 'gemfile.lock', 'composer.lock', 'go.sum', 'flake.lock', 'packages.lock.json',
]);

const BINARY_EXTENSIONS: ReadonlySet<string> = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'ico', 'icns', 'tif', 'tiff', 'psd', 'pdf', 'zip', 'gz', 'tgz', 'bz2', 'xz', '7z',
  'rar', 'tar', 'jar', 'war', 'class', 'exe', 'dll', 'so', 'dylib', 'o', 'a', 'lib', 'obj', 'wasm', 'pyc', 'pyo', 'woff',
  'woff2', 'ttf', 'otf', 'eot', 'mp3', 'mp4', 'm4a', 'wav', 'ogg', 'webm', 'mov', 'avi', 'sqlite', 'db', 'bin', 'dat', 'map',
  'vsix', 'node', 'lockb',
]);

/** File extension → VS Code language id, for the per-language figures of files no editor shows. */
const LANGUAGES: Readonly<Record<string, string>> = {
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact', js: 'javascript', mjs: 'javascript',
  cjs: 'javascript', jsx: 'javascriptreact', json: 'json', jsonc: 'jsonc', md: 'markdown', py: 'python', rb: 'ruby',
  go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', kts: 'kotlin', swift: 'swift', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp',
  cxx: 'cpp', hpp: 'cpp', cs: 'csharp', fs: 'fsharp', php: 'php', sh: 'shellscript', bash: 'shellscript', zsh: 'shellscript',
  ps1: 'powershell', html: 'html', htm: 'html', css: 'css', scss: 'scss', less: 'less', vue: 'vue', svelte: 'svelte',
  yaml: 'yaml', yml: 'yaml', toml: 'toml', xml: 'xml', sql: 'sql', lua: 'lua', dart: 'dart', scala: 'scala', r: 'r',
  ex: 'elixir', exs: 'elixir', erl: 'erlang', hs: 'haskell', clj: 'clojure', ml: 'ocaml', txt: 'plaintext',
  dockerfile: 'dockerfile', makefile: 'makefile',
};

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : name.toLowerCase();
}

/**
 * Whether a file's writes may count, by its path relative to its workspace folder ('/'-separated).
 * Paths that leave the folder (`..`) never count.
 */
export function isCountedPath(relativePath: string): boolean {
  if (typeof relativePath !== 'string' || relativePath.length === 0) {
    return false;
  }
  const segments = relativePath.split('/');
  for (let i = 0; i < segments.length - 1; i++) {
    if (segments[i] === '..' || IGNORED_FOLDERS.has(segments[i])) {
      return false;
    }
  }
  const name = baseName(relativePath).toLowerCase();
  if (name.length === 0 || name === '..' || LOCK_FILES.has(name) || name === '.ds_store') {
    return false;
  }
  return !BINARY_EXTENSIONS.has(extensionOf(name));
}

/** Content with a NUL byte in its first 8 KB is binary (the rule git and most editors use). */
export function isBinaryContent(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8_192);
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0) {
      return true;
    }
  }
  return false;
}

/** The language id of a file by its name, `plaintext` when unknown. */
export function languageIdOf(path: string): string {
  const name = baseName(path).toLowerCase();
  return LANGUAGES[extensionOf(name)] ?? 'plaintext';
}
