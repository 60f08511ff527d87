/**
 * Preloaded (NODE_OPTIONS=--require) into code-server's processes by the activation benchmark.
 * In the extension host it records every synchronous file-system call made from the extension's
 * bundle, so the benchmark can check that activation never blocks on the disk.
 */
import * as fs from 'node:fs';

const target = process.env.OWNERSHIP_FS_PROBE_OUT;
const bundle = process.env.OWNERSHIP_FS_PROBE_BUNDLE;
const isExtensionHost = process.argv.some((arg) => arg.includes('extensionHost')) || process.env.VSCODE_ESM_ENTRYPOINT?.includes('extensionHost') === true;

if (target && bundle && isExtensionHost) {
  const append = fs.appendFileSync.bind(fs);
  append(target, `loaded ${process.pid}\n`);
  const fsRecord = fs as unknown as Record<string, unknown>;
  for (const name of Object.keys(fs)) {
    const original = fsRecord[name];
    if (!name.endsWith('Sync') || typeof original !== 'function') {
      continue;
    }
    fsRecord[name] = function probed(this: unknown, ...args: unknown[]) {
      const stack = new Error().stack ?? '';
      if (stack.includes(bundle)) {
        append(target, `sync ${name} ${String(args[0]).slice(0, 200)}\n`);
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}
