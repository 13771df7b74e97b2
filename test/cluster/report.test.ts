import { describe, expect, it } from 'vitest';
import { formatInstances, formatReloadReport } from '../../src/conversation/reports.js';
import type { ReloadReport } from '../../src/types.js';

const report: ReloadReport = {
  ok: true,
  forced: false,
  checksPassed: 2,
  checkFailures: [],
  documents: 3,
  passages: 40,
  faqEntries: 5,
  added: [],
  removed: [],
  changed: [],
  errors: [],
  tookMs: 12,
  by: 'mod (slack)',
};

describe('a reload report from several instances', () => {
  it('says how many instances reloaded', () => {
    expect(formatInstances({ reloaded: 3, instances: 3, failed: [], silent: [] })).toBe('Reloaded on 3 instances.');
    expect(formatReloadReport({ ...report, instances: { reloaded: 1, instances: 1, failed: [], silent: [] } })).toMatch(
      /Checks: 2 passed\.[\s\S]*Reloaded on 1 instance\.$/,
    );
  });

  it("lists each instance's errors and those that never said how it went", () => {
    const text = formatInstances({
      reloaded: 1,
      instances: 3,
      failed: [{ instance: 'web-2:41', problems: ['faq.yaml:3: answer is empty', 'check "who?" failed: missing Tsinghua'] }],
      silent: ['web-3:77'],
    });
    expect(text.split('\n')).toEqual([
      'Reloaded on 1 of 3 instances.',
      '  instance web-2:41: faq.yaml:3: answer is empty; check "who?" failed: missing Tsinghua',
      '  instance web-3:77: started, but did not say how it went',
    ]);
  });

  it('is the single-instance report when the state is not shared', () => {
    expect(formatReloadReport(report)).not.toMatch(/instance/);
  });
});
