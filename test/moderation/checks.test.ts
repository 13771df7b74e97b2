import { describe, expect, it } from 'vitest';
import { checkProblems, parseChecks } from '../../src/moderation/checks.js';

describe('the checks file', () => {
  it('parses questions with what their answers must and must not say', () => {
    const parsed = parseChecks(
      'checks.yaml',
      '- question: who founded it?\n  expect: [Tsinghua, edX]\n- question: weather?\n  abstain: true\n- question: is Stanford a member?\n  forbid: "^yes"\n',
    );
    expect(parsed).toEqual({
      ok: true,
      value: [
        { question: 'who founded it?', expect: ['Tsinghua', 'edX'], forbid: [], abstain: false, file: 'checks.yaml', line: 1 },
        { question: 'weather?', expect: [], forbid: [], abstain: true, file: 'checks.yaml', line: 3 },
        { question: 'is Stanford a member?', expect: [], forbid: ['^yes'], abstain: false, file: 'checks.yaml', line: 5 },
      ],
    });
  });
  it('reports bad entries with their lines', () => {
    const parsed = parseChecks('checks.yaml', '- question: a?\n- question: b?\n  expect: ["(unclosed"]\n- expect: [x]\n  exepct: [y]\n');
    expect(parsed.ok ? [] : parsed.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '1: check "a?" says nothing about the answer (add expect:, forbid: or abstain: true)',
      expect.stringMatching(/^3: expect pattern "\(unclosed" is not a valid pattern: /),
      '2: check "b?" says nothing about the answer (add expect:, forbid: or abstain: true)',
      '5: unknown key "exepct" (expected question, expect, forbid, abstain, maxLength)',
      '4: question is missing or empty',
    ]);
  });
});

describe('checking an answer', () => {
  it('lists every pattern it misses or breaks', () => {
    expect(checkProblems({ expect: ['Tsinghua', 'edX'], forbid: ['Stanford'], abstain: false }, 'Tsinghua and Stanford')).toEqual([
      'missing /edX/',
      'has forbidden /Stanford/',
    ]);
    expect(checkProblems({ expect: [], forbid: [], abstain: true }, "I don't know the answer to that.")).toEqual([]);
    expect(checkProblems({ expect: [], forbid: [], abstain: true }, 'Paris.')).toEqual(['should say it does not know']);
  });
});
