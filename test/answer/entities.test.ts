import { describe, expect, it } from 'vitest';
import { findEntity, matchName } from '../../src/answer/entities.js';
import type { EntityList } from '../../src/answer/passages.js';

const entity = (label: string, ...names: string[]) => ({ label, names: names.length ? names : [label] });
const list: EntityList = {
  intro: 'The founding members are',
  name: 'founding members',
  aboutTerms: new Set(),
  items: [
    entity('CRI (Center for Research and Interdisciplinarity)', 'CRI', 'Center for Research and Interdisciplinarity'),
    entity('Nanyang Technological University'),
    entity('Shanghai Jiao Tong University'),
    entity('University of Toronto'),
    entity('Zhejiang University'),
  ],
};

describe('name matching', () => {
  it.each([
    ['zhejiang university', 'Zhejiang University'],
    ['Zhejiang', 'Zhejiang University'],
    ['Toronto University', 'University of Toronto'],
    ['the University of Toronto', 'University of Toronto'],
    ['NTU', 'Nanyang Technological University'],
    ['Center for Research and Interdisciplinarity', 'CRI (Center for Research and Interdisciplinarity)'],
    ['Zhejang University', 'Zhejiang University'],
    ['Zhejiagn', 'Zhejiang University'],
    ['Jiao Tong', 'Shanghai Jiao Tong University'],
  ])('%s is %s', (asked, label) => {
    expect(findEntity(asked, list)).toEqual({ entity: expect.objectContaining({ label }), match: 'exact' });
  });

  it('does not match another institution', () => {
    expect(findEntity('Stanford', list)).toBeUndefined();
    expect(findEntity('MIT', list)).toBeUndefined();
  });
  it('takes no two-letter initials for a member ("UN" is not the University of Toronto)', () => {
    expect(matchName('UN', entity('University of Nairobi'))).not.toBe('exact');
    expect(findEntity('UT', list)?.match).not.toBe('exact');
  });
  it('calls a name that shares only part of an institution partial', () => {
    expect(matchName('Shanghai University', entity('Shanghai Jiao Tong University'))).toBe('partial');
  });
});
