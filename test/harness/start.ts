/**
 * `npm start`: opens the built extension in a real VS Code (code-server) on a copy of the sample
 * workspace, in a throw-away profile, and prints the address to open in a browser.
 * `npm start -- --demo` also loads a few weeks of generated history into that profile (never into
 * a workspace of yours), so the dashboard can be tried at once.
 */
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_KIND } from '../../src/core/history/model';
import { generateSampleHistory } from '../../src/core/history/sampleHistory';
import { systemCalendar } from '../../src/core/calendar';
import { makeRunDir, removeRunDir, repoRoot, startCodeServer } from './codeServer';

const DEMO_DAYS = 28;

/** A backup file of generated history ending today, restored by the demo-history helper extension. */
async function writeDemoBackup(runDir: string): Promise<string> {
  const now = Date.now();
  const { record } = generateSampleHistory({ seed: 7, days: DEMO_DAYS, profile: 'typical', endDay: systemCalendar.dayOf(now - 86_400_000), tz: systemCalendar.tz });
  const file = join(runDir, 'demo-backup.json');
  await writeFile(file, JSON.stringify({ v: 1, k: BACKUP_KIND, t: now, d: record.d, s: record.s }));
  return file;
}

async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  const runDir = await makeRunDir('start');
  const workspace = join(runDir, 'workspace');
  await cp(join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const server = await startCodeServer({
    name: 'start',
    runDir,
    workspace,
    // Start like a normal editor: suggestions and bracket closing as users have them.
    settings: {
      'editor.quickSuggestions': { other: true, comments: false, strings: false },
      'editor.suggestOnTriggerCharacters': true,
      'editor.autoClosingBrackets': 'languageDefined',
      'editor.autoClosingQuotes': 'languageDefined',
      'workbench.startupEditor': 'none',
    },
    helperExtensions: [
      join(repoRoot, 'test', 'fixtures', 'extensions', 'fake-ai-completions'),
      ...(demo ? [join(repoRoot, 'test', 'fixtures', 'extensions', 'demo-history')] : []),
    ],
    env: demo ? { OWNERSHIP_RATIO_DEMO_BACKUP: await writeDemoBackup(runDir) } : {},
  });
  const url = server.workbenchUrl({ extensionDevelopmentPath: repoRoot });
  console.log('\nOwnership Ratio is running in VS Code 1.139 (code-server), in a throw-away profile.');
  console.log(`\n  Open: ${url}\n`);
  console.log(`  Workspace: ${workspace}`);
  console.log('  The sample "AI" extension offers ghost text after `// ai:greet` or `// ai:sum` (accept with Tab).');
  if (demo) {
    console.log(`  Demo: ${DEMO_DAYS} days of generated history are loaded into this throw-away profile.`);
  }
  console.log('  Rebuild with `npm run watch` in another terminal and reload the window to see changes.');
  console.log('\nPress Ctrl+C to stop; the profile is deleted then.');
  let stopping = false;
  const stop = async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    await server.stop();
    await removeRunDir(runDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
