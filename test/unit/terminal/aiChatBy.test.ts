import * as assert from 'node:assert/strict';
import { aiChatSource } from '../../../src/core/terminal/aiChatBy';

describe('Where AI chat work came from', function () {
  it('tells terminal agents, the editor’s chat and agent extensions apart by evidence', function () {
    assert.equal(aiChatSource(['terminal:claude', 'len=10']), 'terminal');
    assert.equal(aiChatSource(['exact:chat', 'len=3']), 'chat');
    assert.equal(aiChatSource(['exact:inlineChat']), 'chat');
    assert.equal(aiChatSource(['intent:chatEditing', 'len=3']), 'chat');
    assert.equal(aiChatSource(['exact:workspaceEdit', 'shape:aiLike']), 'extension');
    assert.equal(aiChatSource(['shape:backgroundInsert']), 'extension');
    assert.equal(aiChatSource([]), 'extension');
  });
});
