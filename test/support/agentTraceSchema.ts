/**
 * Validates an Agent Trace record against the format's JSON schema (test/fixtures/agent-trace),
 * plus what a schema cannot say: each range ends at or after its start. Tests only (ajv is a
 * development dependency, never bundled).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

const SCHEMA_FILE = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'agent-trace', 'trace-record.schema.json');

let validate: ((value: unknown) => boolean) & { errors?: unknown } | undefined;

/** The problems found (none: valid). */
export function agentTraceProblems(record: unknown): string[] {
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  const problems: string[] = [];
  if (!validate(record)) {
    problems.push(JSON.stringify(validate.errors));
  }
  const files = (record as { files?: Array<{ conversations?: Array<{ ranges?: Array<{ start_line: number; end_line: number }> }> }> }).files ?? [];
  for (const file of files) {
    for (const conversation of file.conversations ?? []) {
      for (const range of conversation.ranges ?? []) {
        if (range.end_line < range.start_line) {
          problems.push(`range ${range.start_line}-${range.end_line} ends before it starts`);
        }
      }
    }
  }
  return problems;
}
