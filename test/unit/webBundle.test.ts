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
    if (!existsSync(BUNDLE) || !existsSync(META)) {
      // `npm test` builds first; a unit run on its own before any build has nothing to check here.
      this.skip();
    }
  });

  it('imports no Node module and nothing of src/host/node: `vscode` is its only import', function () {
    const meta = JSON.parse(readFileSync(META, 'utf8')) as Metafile;
    const nodeCode = Object.keys(meta.inputs).filter((input) => input.startsWith('src/host/node/') || input === 'src/extension.node.ts');
    assert.deepEqual(nodeCode, []);
    const nodeImports = Object.values(meta.inputs).flatMap((input) => input.imports).map((imported) => imported.path).filter((path) => NODE_MODULES.has(path));
    assert.deepEqual(nodeImports, []);
    const external = [...new Set(Object.values(meta.outputs).flatMap((output) => output.imports.map((imported) => imported.path)))];
    assert.deepEqual(external, ['vscode']);
  });

  it('loads with only what a web worker has (no process, no Buffer, no require but vscode) and exports activate and deactivate', function () {
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
    const source = readFileSync(BUNDLE, 'utf8');
    runInNewContext(`(function (module, exports, require) {${source}\n})(module, module.exports, require);`, { ...webWorkerGlobals(), module, require }, { filename: BUNDLE });
    assert.deepEqual([...new Set(required)], ['vscode']);
    assert.equal(typeof module.exports.activate, 'function');
    assert.equal(typeof module.exports.deactivate, 'function');
  });

  it('is what package.json names as the browser entry', function () {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser?: string; main?: string };
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.main, './dist/extension.js');
  });
});
