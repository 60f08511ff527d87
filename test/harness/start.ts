/**
 * `npm start`: opens the built extension in a real VS Code (code-server) on a copy of the sample
 * workspace, in a throw-away profile, and prints the address to open in a browser.
 */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { makeRunDir, removeRunDir, repoRoot, startCodeServer } from './codeServer';

async function main(): Promise<void> {
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
    helperExtensions: [join(repoRoot, 'test', 'fixtures', 'extensions', 'fake-ai-completions')],
  });
  const url = server.workbenchUrl({ extensionDevelopmentPath: repoRoot });
  console.log('\nOwnership Ratio is running in VS Code 1.139 (code-server), in a throw-away profile.');
  console.log(`\n  Open: ${url}\n`);
  console.log(`  Workspace: ${workspace}`);
  console.log('  The sample "AI" extension offers ghost text after `// ai:greet` or `// ai:sum` (accept with Tab).');
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
