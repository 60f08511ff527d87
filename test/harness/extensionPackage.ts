/**
 * The package is what is tested: the `.vsix` that `npm run package` builds (a production build,
 * only the files `.vscodeignore` lets in), installed into each test VS Code the way a user
 * installs it. A file missing from the package is then missing in every test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './codeServer';

export const PACKAGE_FILE = join(repoRoot, 'out', 'package', 'ownership-ratio.vsix');

/** The extension's folder once installed: `<publisher>.<name>-<version>`, as VS Code names it. */
export function installedFolderName(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
}

let built: Promise<string> | undefined;

/**
 * Builds the package once per test process, with the same command as `npm run package` (its
 * script, so the options cannot drift apart), into `out/package/`.
 */
export function testedPackage(): Promise<string> {
  return built ??= buildPackage();
}

async function buildPackage(): Promise<string> {
  await mkdir(join(repoRoot, 'out', 'package'), { recursive: true });
  const started = Date.now();
  const script = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.package;
  const command = script.replace(/--out \S+/, `--out ${JSON.stringify(PACKAGE_FILE)}`);
  const vsceBin = join(repoRoot, 'node_modules', '.bin');
  const result = spawnSync('sh', ['-c', command], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${vsceBin}:${process.env.PATH ?? ''}` },
    maxBuffer: 16 * 1024 * 1024,
    timeout: 300_000, // a hung packaging or install fails the run instead of holding it
  });
  if (result.status !== 0 || !existsSync(PACKAGE_FILE)) {
    throw new Error(`\`${command}\` failed (exit ${String(result.status)}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  console.log(`[package] built ${PACKAGE_FILE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return PACKAGE_FILE;
}
