import * as assert from 'node:assert/strict';
import { generatePlan, STEP_WEIGHTS, type StepKind } from '../../corpus/generator';
import { Prng } from '../../corpus/prng';
import { HELD_OUT_SEEDS, MOVED_TO_TRAIN, TRAIN_SEEDS } from '../../corpus/seeds';

describe('the session generator', () => {
  it('gives the same plan for the same seed, and another for another seed', () => {
    assert.deepEqual(generatePlan(1101), generatePlan(1101));
    assert.notDeepEqual(generatePlan(1101).steps, generatePlan(1102).steps);
  });

  it('draws the same numbers from the same seed (mulberry32)', () => {
    const first = new Prng(42);
    const second = new Prng(42);
    const a = Array.from({ length: 5 }, () => first.next());
    assert.deepEqual(a, Array.from({ length: 5 }, () => second.next()));
    assert.ok(a.every((value) => value >= 0 && value < 1));
    assert.equal(new Set(a).size, 5);
  });

  it('plans sessions of 30 to 34 steps that start with typing', () => {
    for (const seed of [...TRAIN_SEEDS, ...HELD_OUT_SEEDS]) {
      const plan = generatePlan(seed);
      assert.ok(plan.steps.length >= 30 && plan.steps.length <= 35, `${seed}: ${plan.steps.length} steps`);
      assert.equal(plan.steps[0].kind, 'type');
    }
  });

  it('covers every step kind, agent style and tool command across the train seeds', () => {
    const seen = new Set(TRAIN_SEEDS.flatMap((seed) => generatePlan(seed).steps.map((step) => step.command?.id ?? step.kind)));
    const kinds = (Object.keys(STEP_WEIGHTS) as StepKind[]).filter((kind) => kind !== 'agent' && kind !== 'tool');
    const commands = ['diffView', 'editorStream', 'applyEditStream', 'applyEditClosed', 'createFileStream'].map((style) => `fakeAgent.${style}`)
      .concat(['licenseHeader', 'fixAll', 'organizeImports', 'codemod'].map((command) => `fakeTool.${command}`));
    assert.deepEqual([...kinds, ...commands].filter((kind) => !seen.has(kind)), []);
  });

  it('declares the truth of every fake extension step: the agent is AI, the tool is a tool', () => {
    for (const step of TRAIN_SEEDS.flatMap((seed) => generatePlan(seed).steps)) {
      if (step.command) {
        assert.equal(step.anonymous, step.command.id.startsWith('fakeAgent.') ? 'aiChat' : 'tool', step.command.id);
      }
    }
  });

  it('keeps train and held-out seeds apart, with enough of each', () => {
    assert.ok(TRAIN_SEEDS.length >= 20 && HELD_OUT_SEEDS.length >= 10);
    assert.deepEqual(TRAIN_SEEDS.filter((seed) => HELD_OUT_SEEDS.includes(seed)), []);
    assert.deepEqual(MOVED_TO_TRAIN.filter(({ seed }) => !TRAIN_SEEDS.includes(seed)), [], 'a moved seed is a train seed now');
  });
});
