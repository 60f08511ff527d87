// @ts-check
/**
 * A local ESLint rule that keeps the layers apart by where an import resolves, not by how its path
 * is spelled: each file belongs to the first layer whose folder (or file) holds it, and may import
 * only from the layers it is allowed to, and no package its layer forbids.
 *
 * Options: { layers: [{ name, path }], allow: { [layer]: [layers] }, forbidPackages: { [layer]: [packages] } }
 * with `path` relative to the ESLint working directory (a folder ending in "/" or one file).
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

/** @param {string} file @param {ReadonlyArray<{ name: string; path: string }>} layers @param {string} root */
function layerOf(file, layers, root) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  for (const layer of layers) {
    const withoutExtension = relative.replace(/\.(ts|mts|js|mjs)$/, '');
    if (layer.path.endsWith('/') ? relative.startsWith(layer.path) : withoutExtension === layer.path.replace(/\.(ts|js)$/, '')) {
      return layer.name;
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layer rules (core ← host/webview; no vscode in core or webview; host never imports the webview).' },
    schema: [{ type: 'object', additionalProperties: true }],
    messages: {
      layer: 'The {{from}} layer must not import from the {{to}} layer ({{specifier}}).',
      package: 'The {{from}} layer must not import the package "{{specifier}}".',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const root = context.cwd;
    const from = layerOf(context.filename, options.layers ?? [], root);
    if (from === undefined) {
      return {};
    }
    const allowed = new Set([from, ...(options.allow?.[from] ?? [])]);
    const forbiddenPackages = new Set(options.forbidPackages?.[from] ?? []);
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') {
        return;
      }
      if (!source.startsWith('.')) {
        const name = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];
        if (forbiddenPackages.has(name)) {
          context.report({ node, messageId: 'package', data: { from, specifier: source } });
        }
        return;
      }
      const target = path.resolve(path.dirname(context.filename), source);
      const to = layerOf(target, options.layers ?? [], root) ?? layerOf(`${target}.ts`, options.layers ?? [], root);
      if (to !== undefined && !allowed.has(to)) {
        context.report({ node, messageId: 'layer', data: { from, to, specifier: source } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};

/** Node's own modules, bare and with `node:`: none may reach the browser's bundles. */
const NODE_MODULES = builtinModules.flatMap((name) => [name, `node:${name}`]);

/**
 * The layers, by folder: core is pure TypeScript (deterministic, testable under plain Node, shared
 * with the webview); the protocol sits between host and webview; the host adapts the VS Code API
 * on both extension hosts (Node and a browser's web worker), with what needs Node apart in
 * host/node; the webview is the dashboard page; the composition (extension.ts) and the two entry
 * points, which choose the platform, only compose; the feature bundle's entry (features.ts) only
 * gathers host code.
 */
export const LAYERS = {
  layers: [
    { name: 'core', path: 'src/core/' },
    { name: 'webview', path: 'src/webview/' },
    { name: 'node', path: 'src/host/node/' },
    { name: 'host', path: 'src/host/' },
    { name: 'protocol', path: 'src/protocol.ts' },
    { name: 'protocol', path: 'src/ranges.ts' },
    { name: 'extension', path: 'src/extension.ts' },
    { name: 'nodeEntry', path: 'src/extension.node.ts' },
    { name: 'webEntry', path: 'src/extension.web.ts' },
    { name: 'featuresEntry', path: 'src/features.ts' },
  ],
  allow: {
    core: [],
    protocol: ['core'],
    webview: ['core', 'protocol'],
    host: ['core', 'protocol'],
    node: ['core', 'protocol', 'host'],
    extension: ['core', 'protocol', 'host'],
    // The Node entry runs the browser entry's bundle (its types; the bundle itself is required at run time).
    nodeEntry: ['core', 'protocol', 'host', 'node', 'extension', 'webEntry'],
    webEntry: ['core', 'protocol', 'host', 'extension'],
    // The feature bundle's entry (built for both hosts): host code only, never the composition.
    featuresEntry: ['core', 'protocol', 'host'],
  },
  forbidPackages: {
    core: ['vscode', ...NODE_MODULES],
    protocol: ['vscode', ...NODE_MODULES],
    webview: ['vscode', ...NODE_MODULES],
    host: NODE_MODULES,
    extension: NODE_MODULES,
    webEntry: NODE_MODULES,
    featuresEntry: NODE_MODULES,
  },
};

