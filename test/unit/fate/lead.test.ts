import * as assert from 'node:assert/strict';
import { classify } from '../../../src/core/attribution/classify';
import { IntentLog } from '../../../src/core/attribution/intents';
import type { Category } from '../../../src/core/categories';
import { countLeads, decideLead, LeadTally, sessionLead, type Lead } from '../../../src/core/fate/lead';
import { readCorpus } from '../../corpus/corpus';

function tally(...runs: Array<[Category, number]>): LeadTally {
  const t = new LeadTally();
  for (const [category, chars] of runs) {
    t.add(category, chars);
  }
  return t;
}

describe('who led a file in a session', function () {
  it('you drafted first and AI refined → you; AI drafted first and you refined → ai', function () {
    assert.equal(tally(['typed', 300], ['aiInline', 100]).lead(), 'you');
    assert.equal(tally(['aiChat', 500], ['typed', 200]).lead(), 'ai');
  });

  it('one of you did (nearly) all of it, whatever the order', function () {
    assert.equal(tally(['aiInline', 5], ['typed', 95]).lead(), 'you');
    assert.equal(tally(['typed', 10], ['aiChat', 90]).lead(), 'ai');
    assert.equal(tally(['typed', 400]).lead(), 'you');
  });

  it('a draft written in turns is mixed', function () {
    assert.equal(tally(['typed', 100], ['aiInline', 100], ['typed', 100], ['aiInline', 100]).lead(), 'mixed');
  });

  it('the draft is the first half of the characters in the order they came', function () {
    // 50 yours, then 500 AI: the first half (275) is 82 % AI.
    assert.equal(tally(['typed', 50], ['aiChat', 500], ['typed', 50]).lead(), 'ai');
    // 200 yours, then 200 AI, then 100 yours: the first half (250) is 80 % yours.
    assert.equal(tally(['typed', 200], ['aiChat', 200], ['typed', 100]).lead(), 'you');
  });

  it('too little work has no lead, and paste, tools, undo and outside changes count for neither side', function () {
    assert.equal(tally(['typed', 10], ['aiInline', 9]).lead(), undefined);
    assert.equal(tally(['paste', 500], ['tool', 500], ['undoRedo', 500], ['external', 500], ['typed', 30]).lead(), 'you');
  });

  it('keeps the order of many turns within a bounded number of runs', function () {
    const t = new LeadTally();
    for (let i = 0; i < 500; i++) {
      t.add(i % 2 === 0 ? 'typed' : 'aiInline', 10);
    }
    assert.equal(t.lead(), 'mixed');
    t.add('aiChat', 100_000);
    assert.equal(t.lead(), 'ai');
  });

  it('decideLead: the thresholds', function () {
    assert.equal(decideLead(90, 10, 0), 'you', '90 % yours');
    assert.equal(decideLead(89, 11, 0.67), 'you', 'two thirds of the draft');
    assert.equal(decideLead(89, 11, 0.6), 'mixed');
    assert.equal(decideLead(11, 89, 0.33), 'ai');
  });

  it('counts files by lead', function () {
    assert.deepEqual(countLeads([tally(['typed', 100]), tally(['aiChat', 100]), tally(['typed', 1])]), { you: 1, ai: 1, mixed: 0 });
  });

  describe('on the recorded sessions (classified with the editor’s own labels)', function () {
    /** The lead of every file of each recorded session, by session name. */
    function recordedLeads(): Record<string, Record<string, Lead | undefined>> {
      const out: Record<string, Record<string, Lead | undefined>> = {};
      for (const session of readCorpus()) {
        const intents = new IntentLog();
        const files = new Map<string, LeadTally>();
        for (const record of session.events) {
          if (record.type === 'intent') {
            intents.record(record.intent);
          } else if (record.type === 'change') {
            const key = record.fact.documentKey.replace(/^.*\//, '');
            let file = files.get(key);
            if (file === undefined) {
              file = new LeadTally();
              files.set(key, file);
            }
            for (const a of classify(record.fact, { intents, exactSources: true })) {
              file.add(a.category, a.chars);
            }
          }
        }
        out[session.header.name] = Object.fromEntries([...files].map(([key, file]) => [key, file.lead()]));
      }
      return out;
    }

    it('typing, tools and paste are yours; chat and agent files AI-led; ghost text accepted in turns mixed', function () {
      assert.deepEqual(recordedLeads(), {
        typing: { 'typing.ts': 'you' },
        // Typed prefixes and accepted completions alternate through the whole file.
        'ghost-text': { 'ghost.js': 'mixed' },
        intellisense: { 'main.ts': 'you' },
        snippets: { 'snippets.ts': 'you' },
        'paste-cut': { 'paste.ts': 'you' },
        refactor: { 'refactor.ts': 'you' },
        'undo-redo': { 'undo.ts': 'you' },
        'multi-cursor': { 'multi.ts': 'you' },
        chat: { 'chat.ts': 'ai' },
        agent: { 'agent.ts': 'ai', 'agent-target.ts': 'ai' },
        'save-and-disk': { 'disk.ts': 'you' },
        // Typed first and most; the AI's inserts come later and are smaller.
        mixed: { 'mixed.ts': 'you' },
        'next-edit': { 'nes.js': 'you' },
      });
    });
  });

  it('a session is led by the side whose led files hold most of its characters; mixed on a tie or when mixed files hold most', function () {
    assert.equal(sessionLead([]), undefined);
    assert.equal(sessionLead([{ lead: 'ai', chars: 350 }, { lead: 'you', chars: 80 }]), 'ai');
    assert.equal(sessionLead([{ lead: 'you', chars: 200 }, { lead: 'ai', chars: 50 }, { lead: 'ai', chars: 60 }]), 'you');
    assert.equal(sessionLead([{ lead: 'you', chars: 100 }, { lead: 'ai', chars: 100 }]), 'mixed');
    assert.equal(sessionLead([{ lead: 'mixed', chars: 300 }, { lead: 'you', chars: 100 }]), 'mixed');
  });
});
