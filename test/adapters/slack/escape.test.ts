import { describe, expect, it } from 'vitest';
import { escapeText, plainQuestion } from '../../../adapters/slack/escape.js';

describe('reading a question out of Slack markup', () => {
  it('drops the mention of the bot and keeps the question', () => {
    expect(plainQuestion('<@UBOT> who founded it?', 'UBOT')).toBe('who founded it?');
  });

  it('turns other mentions, channels and links into words and undoes escaping', () => {
    expect(plainQuestion('is <@U2|ana> in <#C1|general>? see <https://x.org|the site> &amp; &lt;more&gt;', 'UBOT')).toBe(
      'is @ana in #general? see the site & <more>',
    );
  });
});

describe('escaping text for Slack', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(escapeText('a & b <!here> *bold*')).toBe('a &amp; b &lt;!here&gt; *bold*');
  });
});
