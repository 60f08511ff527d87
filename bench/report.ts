/** Benchmark figures against their budgets: printed as a table and written as JSON. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The figure passes when value ≤ budget (or ≥ for `atLeast`); without one it is context only. */
  readonly budget?: number;
  readonly atLeast?: boolean;
  readonly note?: string;
}

export function passes(figure: Figure): boolean {
  if (figure.budget === undefined) {
    return true;
  }
  return Number.isFinite(figure.value) && (figure.atLeast ? figure.value >= figure.budget : figure.value <= figure.budget);
}

export function report(figures: readonly Figure[], outputDir: string): boolean {
  const rows = figures.map((figure) => [
    figure.name,
    `${formatNumber(figure.value)} ${figure.unit}`,
    figure.budget === undefined ? '–' : `${figure.atLeast ? '≥' : '≤'} ${formatNumber(figure.budget)} ${figure.unit}`,
    figure.budget === undefined ? '(context)' : passes(figure) ? 'ok' : 'OVER BUDGET',
    figure.note ?? '',
  ]);
  const header = ['benchmark', 'figure', 'budget', 'result', 'note'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  console.log(`\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  rows.forEach((row) => console.log(line(row)));
  mkdirSync(outputDir, { recursive: true });
  const file = join(outputDir, 'bench.json');
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), figures: figures.map((figure) => ({ ...figure, pass: passes(figure) })) }, null, 2));
  console.log(`\nwritten to ${file}`);
  return figures.every(passes);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en') : value.toFixed(2);
}
