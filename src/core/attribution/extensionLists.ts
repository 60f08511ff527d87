/*
 * Extensions known to edit documents on their own, by id (publisher.name, compared without regard
 * to case). These are the defaults of the settings `ownershipRatio.detection.aiExtensions` and
 * `ownershipRatio.detection.toolExtensions`; users add or remove ids there.
 */

/** Extensions that write code with AI: agents, chat and completion extensions. */
export const AI_EXTENSIONS: readonly string[] = Object.freeze([
  'github.copilot',
  'github.copilot-chat',
  'continue.continue',
  'saoudrizwan.claude-dev',
  'rooveterinaryinc.roo-cline',
  'kilocode.kilo-code',
  'anthropic.claude-code',
  'openai.chatgpt',
  'google.geminicodeassist',
  'amazonwebservices.amazon-q-vscode',
  'sourcegraph.cody-ai',
  'codeium.codeium',
  'supermaven.supermaven',
  'tabnine.tabnine-vscode',
  'augment.vscode-augment',
  'qodo.qodo-gen',
]);

/** Extensions whose edits are a tool's (formatters, linters' fixes, editor emulations), never AI. */
export const TOOL_EXTENSIONS: readonly string[] = Object.freeze([
  'esbenp.prettier-vscode',
  'dbaeumer.vscode-eslint',
  'biomejs.biome',
  'stylelint.vscode-stylelint',
  'editorconfig.editorconfig',
  'ms-python.black-formatter',
  'ms-python.isort',
  'charliermarsh.ruff',
  'vscodevim.vim',
  'streetsidesoftware.code-spell-checker',
]);

/**
 * Whether any of the installed and enabled extensions is an AI writer: listed as AI and not as a
 * tool (a tool entry overrides, so an id can be taken off the AI list without editing it).
 */
export function someAiExtension(installed: Iterable<string>, aiExtensions: readonly string[], toolExtensions: readonly string[]): boolean {
  const ai = new Set(aiExtensions.map((id) => id.toLowerCase()));
  for (const id of toolExtensions) {
    ai.delete(id.toLowerCase());
  }
  for (const id of installed) {
    if (ai.has(id.toLowerCase())) {
      return true;
    }
  }
  return false;
}
