import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { installFakeVscode } from '../support/fakeVscode';

/*
 * The browser build (`browser` in package.json) runs in a web worker: no Node module, no `process`,
 * no `Buffer`, no `require` but for `vscode`. This checks what went into the built bundle and loads
 * it with only what a web worker has; the UI test runs it in the real web-worker extension host.
 */
const ROOT = join(__dirname, '..', '..', '..');
const BUNDLE = join(ROOT, 'dist', 'web', 'extension.js');
const META = join(ROOT, 'dist', 'web', 'extension.meta.json');
/** The feature bundle beside it, which the main one reads and evaluates the same way on first use. */
const FEATURES = join(ROOT, 'dist', 'web', 'features.js');
const FEATURES_META = join(ROOT, 'dist', 'web', 'features.meta.json');
const NODE_MODULES = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

interface Metafile {
  readonly inputs: Record<string, { readonly imports: ReadonlyArray<{ readonly path: string; readonly external?: boolean }> }>;
  readonly outputs: Record<string, { readonly imports: ReadonlyArray<{ readonly path: string }> }>;
}

/** The globals of a web worker that the extension may use (the Web Crypto, encoding, timer and console APIs). */
function webWorkerGlobals(): Record<string, unknown> {
  return {
    console, crypto: globalThis.crypto, TextEncoder, TextDecoder, URL, btoa, atob, performance, queueMicrotask, structuredClone,
    setTimeout, clearTimeout, setInterval, clearInterval, AbortController, Intl, WebAssembly: undefined,
  };
}

describe('The browser build (web-worker extension host)', function () {
  before(function () {
    if (![BUNDLE, META, FEATURES, FEATURES_META].every((path) => existsSync(path))) {
      // `npm test` builds first; a unit run on its own before any build has nothing to check here.
      this.skip();
    }
  });

  for (const [bundle, metafile] of [[BUNDLE, META], [FEATURES, FEATURES_META]] as const) {
    const name = bundle === BUNDLE ? 'extension.js' : 'features.js';

    it(`${name}: imports no Node module and nothing of src/host/node: \`vscode\` is its only import`, function () {
      const meta = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile;
      const nodeCode = Object.keys(meta.inputs).filter((input) => input.startsWith('src/host/node/') || input === 'src/extension.node.ts');
      assert.deepEqual(nodeCode, []);
      const nodeImports = Object.values(meta.inputs).flatMap((input) => input.imports).map((imported) => imported.path).filter((path) => NODE_MODULES.has(path));
      assert.deepEqual(nodeImports, []);
      const external = [...new Set(Object.values(meta.outputs).flatMap((output) => output.imports.map((imported) => imported.path)))];
      assert.deepEqual(external, ['vscode']);
    });

    it(`${name}: loads with only what a web worker has (no process, no Buffer, no require but vscode)`, function () {
      const vscode = installFakeVscode();
      const required: string[] = [];
      const module = { exports: {} as Record<string, unknown> };
      const require = (name: string): unknown => {
        required.push(name);
        if (name !== 'vscode') {
          throw new Error(`a web worker cannot load ${name}`);
        }
        return vscode;
      };
      const source = readFileSync(bundle, 'utf8');
      runInNewContext(`(function (module, exports, require) {${source}\n})(module, module.exports, require);`, { ...webWorkerGlobals(), module, require }, { filename: bundle });
      assert.deepEqual([...new Set(required)], ['vscode']);
      const exported = bundle === BUNDLE ? ['activate', 'deactivate'] : ['features'];
      assert.deepEqual(exported.filter((key) => module.exports[key] === undefined), []);
    });
  }

  it('is what package.json names as the browser entry', function () {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser?: string; main?: string };
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.main, './dist/extension.js');
  });
});
