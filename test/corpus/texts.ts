/**
 * The texts generated sessions type, paste and have the fake extensions write, and the files they
 * start from. All of it is made up for the tests: no user's text is ever in the corpus.
 */

/** Lines a developer types in a JavaScript or TypeScript file (valid JavaScript, some Unicode). */
export const CODE_LINES: readonly string[] = [
  'const total = items.reduce((sum, item) => sum + item, 0);',
  'let label = "Größe: " + size;',
  'export const greeting = "héllo wörld";',
  'const emoji = "🎉 done";',
  'const title = "日本語のテキスト";',
  'if (count > limit) { count = limit; }',
  'const pairs = Object.entries(table);',
  'console.log("ratio", ratio.toFixed(2));',
  'export const names = ["Zoë", "Łukasz", "Ana"];',
  'let retries = 3;',
  'const half = width / 2;',
  'const message = `Σ = ${sum}`;',
  'return values.filter((v) => v > 0);',
  'const isReady = state === "ready";',
];

/** Lines of prose in a Markdown file. */
export const PROSE_LINES: readonly string[] = [
  'The ratio counts characters, not lines, so long lines weigh more.',
  'Ünïcödé prose: naïve café, Ελληνικά, 中文 and an emoji 🙂.',
  '- a list item about the next step',
  '## Notes for tomorrow',
  'Remember to ask why the test failed before fixing it.',
  'Short line.',
];

/** What a user pastes (from a browser, another file). */
export const PASTES: readonly string[] = [
  'const pasted = "from elsewhere";',
  'function twice(n) {\n  return n * 2;\n}\n',
  'export const límite = 10; // copied',
  'A pasted sentence, with “quotes” and — dashes.',
];

/** Answers of the fake agent (it applies them in its styles). */
export const AGENT_ANSWERS: readonly string[] = [
  '/** Parses a comma-separated list of numbers. */\nexport function parseList(text) {\n  return text\n    .split(",")\n    .map((part) => Number(part.trim()))\n    .filter((value) => !Number.isNaN(value));\n}\n',
  'export function average(values) {\n  if (values.length === 0) {\n    return 0;\n  }\n  return values.reduce((a, b) => a + b, 0) / values.length;\n}\n',
  '// Größen und Grenzen: computed by the agent.\nexport const limits = { min: 0, max: 100, label: "Grenze ✓" };\n',
  'export class Counter {\n  count = 0;\n  increment() {\n    this.count += 1;\n    return this.count;\n  }\n  reset() {\n    this.count = 0;\n  }\n}\n',
  'export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n',
];

/** Ghost-text triggers of the fake completion provider and how each is accepted. */
export const GHOST_TRIGGERS = [
  { trigger: 'ai:sum', accept: 'tab' },
  { trigger: 'ai:line', accept: 'tab' },
  { trigger: 'ai:block', accept: 'line-then-tab' },
  { trigger: 'ai:greet ', accept: 'words' },
] as const;

export const MATH_TS = 'export function clamp(value: number, min: number, max: number): number {\n  return Math.min(max, Math.max(min, value));\n}\n\nexport const ratio = 0.5;\n';

export const TSCONFIG = '{\n  "compilerOptions": { "strict": false, "target": "es2022", "module": "esnext", "moduleResolution": "bundler", "allowJs": true },\n  "include": ["*.ts", "*.js"]\n}\n';

/** Prepared files, one per step that needs a known starting text (`n` keeps their names apart). */
export const PREPARED = {
  format: (): string => 'import { ratio } from "./math";\n\nfunction   scale( value:number ){\nreturn value*ratio}\n\nexport const total = scale(2);\n',
  rename: (): string => 'function scale(value: number) {\n  return value * 2;\n}\n\nexport const total = scale(2) + scale(3);\n',
  quickFix: (): string => 'import { ratio } from "./math";\n\nexport const bounded = clamp(ratio, 0, 1);\n',
  nextEdit: (): string => 'let count = 0;\nfunction bump() {\n  count += 1;\n}\n',
  chat: (): string => 'export const value = 1;\n',
  lint: (): string => 'var first = 1\nvar second = 2\nif (first == second) { first = 3; }\nconst sum = first + second\nif (sum != 3) { console.log(sum); }\nreturn sum\n',
  imports: (): string => 'import { b } from "./b";\nimport { a } from "./a";\n\nexport const both = [a, b];\n',
  codemod: (index: number): string => `legacyLog("start ${index}");\nexport function run${index}() {\n  legacyLog("run");\n}\n`,
  closed: (): string => '// A file no editor shows.\nexport const version = 1;\n',
  disk: (): string => 'export const fromDisk = 1;\n',
  checkout: (index: number): string => `export const branch = "main";\nexport const part${index} = ${index};\n`,
};

/** What another program writes to a file: the old text with one line changed and one added. */
export function rewrittenOnDisk(old: string, stamp: number): string {
  const eol = old.includes('\r\n') ? '\r\n' : '\n';
  const lines = old.split(eol);
  lines[0] = `export const rewritten${stamp} = ${stamp};`;
  return `${lines.join(eol).replace(new RegExp(`(${eol})*$`), '')}${eol}// Rewritten by another program (${stamp}).${eol}`;
}

/** The branch a `git checkout` brings in: each file's text on the other branch. */
export function checkoutBranchText(index: number): string {
  return `export const branch = "feature";\nexport const part${index} = ${index * 10};\nexport const added${index} = "on the feature branch";\n`;
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
