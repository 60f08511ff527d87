import * as assert from 'node:assert/strict';
import { classifyCommandLine, DEFAULT_TERMINAL_AGENTS, shellWords, terminalAgentNames } from '../../../src/core/terminal/commandLine';

const agents = terminalAgentNames([]);

function kind(line: string, names = agents): string {
  const result = classifyCommandLine(line, names);
  return result === undefined ? 'none' : `${result.kind}:${result.name}`;
}

describe('Terminal command lines', function () {
  it('recognises every default agent by its executable name, with arguments and quotes', function () {
    for (const name of DEFAULT_TERMINAL_AGENTS) {
      assert.equal(kind(`${name} --print "add a function; then test it"`), `agent:${name}`, name);
    }
    assert.equal(kind(`claude -p 'fix the bug # really'`), 'agent:claude');
    assert.equal(kind('CLAUDE'), 'agent:claude');
  });

  it('sees an agent behind runners, env prefixes, wrappers and paths', function () {
    const cases: Record<string, string> = {
      'npx @anthropic-ai/claude-code -p "hi"': 'agent:claude',
      'npx -y @openai/codex@latest exec "write tests"': 'agent:codex',
      'npx --package @google/gemini-cli gemini -p x': 'agent:gemini',
      'bunx @google/gemini-cli': 'agent:gemini',
      'pnpm dlx @openai/codex': 'agent:codex',
      'yarn dlx @anthropic-ai/claude-code': 'agent:claude',
      'npm exec -- @github/copilot -p go': 'agent:copilot',
      'uvx --from aider-chat aider --yes': 'agent:aider',
      'pipx run aider-chat': 'agent:aider',
      'env ANTHROPIC_MODEL=opus DEBUG=1 claude': 'agent:claude',
      'env -u HOME claude': 'agent:claude',
      'FOO=bar BAZ="a b" codex exec "x"': 'agent:codex',
      './node_modules/.bin/claude -p x': 'agent:claude',
      '/usr/local/bin/cursor-agent -p x': 'agent:cursor-agent',
      'C:\\tools\\codex.exe': 'agent:codex',
      'cd app && claude -p "x"': 'agent:claude',
      'time sudo -u dev gemini': 'agent:gemini',
      'git checkout main && claude': 'agent:claude',
    };
    for (const [line, expected] of Object.entries(cases)) {
      assert.equal(kind(line), expected, line);
    }
  });

  it('marks git commands that rewrite files and package installs as external', function () {
    for (const verb of ['checkout', 'switch', 'pull', 'merge', 'rebase', 'stash', 'reset', 'restore', 'cherry-pick', 'revert']) {
      assert.equal(kind(`git ${verb} something`), 'external:git', verb);
    }
    assert.equal(kind('git -c core.x=1 checkout -- .'), 'external:git');
    for (const line of ['npm install', 'npm ci', 'npm i left-pad', 'pnpm install', 'pnpm add x', 'yarn', 'yarn add x', 'bun install', 'pip install -r req.txt', 'uv sync']) {
      assert.equal(kind(line).startsWith('external:'), true, line);
    }
  });

  it('leaves everything else alone', function () {
    for (const line of ['', 'ls -la', 'git status', 'git log --oneline', 'npm test', 'npm run build', 'echo claude', 'cat codex.md', 'node script.js', 'vim gemini.txt', '# claude']) {
      assert.equal(kind(line), 'none', line);
    }
  });

  it('takes names to add and -names to remove from the setting, ignoring bad entries', function () {
    const names = terminalAgentNames(['my-agent', '-goose', ' Junie ', 42, '', 'rm -rf /', '@acme/agent-cli']);
    assert.equal(names.has('my-agent'), true);
    assert.equal(names.has('junie'), true);
    assert.equal(names.has('goose'), false);
    assert.equal(names.has('claude'), true);
    assert.equal(kind('my-agent do it', names), 'agent:my-agent');
    assert.equal(kind('goose session', names), 'none');
    assert.equal(kind('npx @acme/agent-cli', names), 'agent:@acme/agent-cli');
    const noClaude = terminalAgentNames(['-claude']);
    assert.equal(kind('npx @anthropic-ai/claude-code', noClaude), 'none');
    assert.equal(kind('claude', noClaude), 'none');
  });

  it('splits words like a shell: quotes, escapes, separators, comments', function () {
    assert.deepEqual(shellWords(`a "b c" 'd;e' f\\ g; h|i && j # k`), [['a', 'b c', 'd;e', 'f g'], ['h'], ['i'], ['j']]);
    assert.deepEqual(shellWords('""'), [['']]);
  });
});
