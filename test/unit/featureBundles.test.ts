import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { FeatureBundle } from '../../src/host/featureBundle';
import { evaluateFeatureBundle } from '../../src/host/webFeatureBundle';
import { FakeUri, installFakeVscode } from '../support/fakeVscode';

/*
 * The extension is a main bundle (loaded at activation) and a feature bundle beside it, loaded on
 * first use; both hosts run the same two (the Node entry loads them from beside it). A module in both is two modules at run time: if it keeps state at module level, the feature
 * bundle's copy never sees what the main bundle set (the chosen file writer, say). So whatever holds
 * state must be created in the main bundle and passed in; this checks that no module with state of
 * its own is in both, and that the feature code stays out of the main bundle.
 */
const ROOT = join(__dirname, '..', '..', '..');
const BUILDS = [
  { name: 'shared', main: 'dist/web/extension', features: 'dist/web/features' },
] as const;

/**
 * Packages in both bundles whose module-level variables are only caches or registries this
 * extension never writes, and the names that would write them (no source file may import those).
 */
const STATE_NEVER_SET: Record<string, { readonly why: string; readonly setters: readonly string[] }> = {
  valibot: {
    why: 'its global configuration and message stores, set only through its set* functions; the rest are lazy caches (a TextEncoder, a segmenter)',
    setters: ['setGlobalConfig', 'setGlobalMessage', 'setSchemaMessage', 'setSpecificMessage'],
  },
};

interface Metafile {
  readonly inputs: Record<string, { readonly imports: ReadonlyArray<{ readonly path: string }> }>;
  readonly outputs: Record<string, { readonly entryPoint?: string; readonly imports: ReadonlyArray<{ readonly path: string; readonly external?: boolean }>; readonly inputs: Record<string, unknown> }>;
}

function metafile(bundle: string): Metafile {
  return JSON.parse(readFileSync(join(ROOT, `${bundle}.meta.json`), 'utf8')) as Metafile;
}

/** The modules that went into a bundle's output (the metafile's paths, relative to the repository). */
function bundled(meta: Metafile): Set<string> {
  return new Set(Object.values(meta.outputs).flatMap((output) => Object.keys(output.inputs)));
}

function packageOf(input: string): string | undefined {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
}

/**
 * What a module keeps at module level that could change: `let` and `var`, a `const` holding a
 * new object not typed read-only (a Map, a Set, an instance), and a class's static field that is
 * not read-only.
 */
export function moduleState(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const found: string[] = [];
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      const constant = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const declaration of statement.declarationList.declarations) {
        const name = declaration.name.getText(file);
        const readOnlyType = declaration.type !== undefined && /^Readonly/.test(declaration.type.getText(file));
        const isClass = declaration.initializer !== undefined && ts.isClassExpression(declaration.initializer);
        if ((!constant && !isClass) || (constant && declaration.initializer !== undefined && ts.isNewExpression(declaration.initializer) && !readOnlyType)) {
          found.push(name);
        }
      }
    } else if (ts.isClassDeclaration(statement)) {
      for (const member of statement.members) {
        const modifiers = ts.canHaveModifiers(member) ? ts.getModifiers(member) ?? [] : [];
        const isStatic = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);
        const isReadonly = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword);
        if (ts.isPropertyDeclaration(member) && isStatic && !isReadonly) {
          found.push(`${statement.name?.text ?? 'class'}.${member.name.getText(file)}`);
        }
      }
    }
  }
  return found;
}

describe('The feature bundles (loaded on first use beside each main bundle)', function () {
  before(function () {
    if (BUILDS.some((build) => !existsSync(join(ROOT, `${build.main}.meta.json`)) || !existsSync(join(ROOT, `${build.features}.meta.json`)))) {
      // `npm test` builds first; a unit run on its own before any build has nothing to check here.
      this.skip();
    }
  });

  for (const build of BUILDS) {
    it(`${build.name}: no module with state of its own is in both the main and the feature bundle`, function () {
      const main = bundled(metafile(build.main));
      const shared = [...bundled(metafile(build.features))].filter((input) => main.has(input));
      const stateful = shared.filter((input) => STATE_NEVER_SET[packageOf(input) ?? ''] === undefined)
        .map((input) => ({ input, state: moduleState(input, readFileSync(join(ROOT, input), 'utf8')) }))
        .filter(({ state }) => state.length > 0);
      assert.deepEqual(stateful, []);
    });

    it(`${build.name}: the feature code (the modules the feature entry gathers, and the CSV library) is not in the main bundle`, function () {
      const features = metafile(build.features);
      const gathered = features.inputs['src/features.ts'].imports.map((imported) => imported.path).filter((path) => !path.endsWith('featureBundle.ts'));
      assert.ok(gathered.length >= 6, `the feature entry gathers: ${gathered.join(', ')}`);
      const main = [...bundled(metafile(build.main))];
      assert.deepEqual(main.filter((input) => gathered.includes(input) || packageOf(input) === 'csv-stringify' || input === 'src/protocol.ts'), []);
    });
  }

  it('exempts packages only for state this extension never sets: no source file imports their setters', function () {
    const sources = ['src'].flatMap(function walk(folder: string): string[] {
      return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => (
        entry.isDirectory() ? walk(`${folder}/${entry.name}`) : entry.name.endsWith('.ts') ? [`${folder}/${entry.name}`] : []));
    });
    for (const [name, { setters }] of Object.entries(STATE_NEVER_SET)) {
      const importing = sources.filter((file) => {
        const source = readFileSync(join(ROOT, file), 'utf8');
        return source.includes(`from '${name}'`) && setters.some((setter) => new RegExp(`\\b${setter}\\b`).test(source));
      });
      assert.deepEqual(importing, [], name);
    }
  });

  it('finds the state it guards against (a let, a new Map, a static field), and not constants or read-only sets', function () {
    const source = [
      'let writer = 1;', 'const cache = new Map<string, number>();', 'const KINDS: ReadonlySet<string> = new Set([\'a\']);',
      'const LIMIT = 3;', 'export class Box { static count = 0; static readonly MAX = 2; }', 'var Named = class {};',
    ].join('\n');
    assert.deepEqual(moduleState('sample.ts', source), ['writer', 'cache', 'Box.count']);
  });

  it('the Node entry bundles only what needs Node and loads the shared bundles with Node\'s own require of the files beside it', function () {
    const meta = metafile('dist/extension');
    const own = [...bundled(meta)].filter((input) => !input.startsWith('src/host/node/') && input !== 'src/extension.node.ts');
    assert.deepEqual(own, [], 'a module of the shared bundle copied into the Node entry would keep state apart from it');
    const output = Object.values(meta.outputs).find((candidate) => candidate.entryPoint !== undefined);
    const external = (output?.imports ?? []).filter((imported) => imported.external === true).map((imported) => imported.path);
    assert.deepEqual(new Set(external), new Set(['./web/extension.js', './web/features.js', 'node:fs', 'node:path', 'node:child_process']));
    assert.ok(existsSync(join(ROOT, 'dist', 'web', 'extension.js')) && existsSync(join(ROOT, 'dist', 'web', 'features.js')));
  });

  it('the web build\'s loader reads the bundle beside the browser entry and evaluates it with only `vscode` to require', async function () {
    const vscode = installFakeVscode();
    const extensionUri = FakeUri.file('/extension');
    vscode.fs.files.set(FakeUri.joinPath(extensionUri, 'dist', 'web', 'features.js').toString(), { data: readFileSync(join(ROOT, 'dist', 'web', 'features.js')), mtime: 0 });
    const features: FeatureBundle = await evaluateFeatureBundle(extensionUri as never, './dist/web/extension.js');
    const names: ReadonlyArray<keyof FeatureBundle> = ['DashboardPanel', 'exportCsv', 'exportAgentTrace', 'backupHistory', 'restoreHistory', 'deleteAllData', 'explainRecentAttributions'];
    assert.deepEqual(names.filter((name) => typeof features[name] !== 'function'), []);
  });
});
