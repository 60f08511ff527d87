/**
 * Terminal agents: the cost of counting a write to an unopened 200 KB file (the diff against its
 * last known content), against a baseline measured in the same run — reading the same text the
 * way any handler must (decoding the bytes and splitting the lines).
 */
import { fileWriteAttribution } from '../src/core/files/fileWrite';
import type { TerminalRun } from '../src/core/terminal/terminalRuns';
import type { Figure } from './report';

const RUNS = 15;
const RUN: TerminalRun = { kind: 'agent', name: 'claude', start: 0, end: undefined };

/** About 200 KB of source, and the same file after an agent changed every 40th line and appended a function. */
function files(): { before: string; bytes: Uint8Array } {
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length < 200_000; i++) {
    lines.push(`export function handler${i}(input: Record<string, number>): number { return input.value${i % 7} * ${i}; }`);
  }
  const before = `${lines.join('\n')}\n`;
  const changed = lines.map((line, i) => (i % 40 === 0 ? line.replace('return', 'const checked = true;\n  return') : line));
  const after = `${changed.join('\n')}\nexport function added(): void {\n  console.log('added by the agent');\n}\n`;
  return { before, bytes: new TextEncoder().encode(after) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void): number {
  run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function terminalFigures(): Figure[] {
  const { before, bytes } = files();
  let sink = 0;
  const baseline = time(() => {
    sink += new TextDecoder().decode(bytes).split('\n').length;
  });
  const counting = time(() => {
    const text = new TextDecoder().decode(bytes);
    sink += fileWriteAttribution(RUN, { path: 'src/big.ts', text, before, existed: true, at: 1 }, false)?.chars ?? 0;
  });
  if (sink < 0) {
    console.log(sink);
  }
  const round = (value: number) => Math.round(value * 100) / 100;
  return [
    { name: 'Terminal agent: counting a write to an unopened 200 KB file', value: round(counting), unit: 'ms', budget: 20, note: `decode + split of the same file: ${round(baseline)} ms (${round(counting / Math.max(baseline, 0.001))}×)` },
  ];
}
