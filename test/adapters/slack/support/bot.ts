/** The bot the Slack e2e tests talk to. */
import type { Answer, Bot, Platform, Question, ReloadReport } from '../../../../src/types.js';
import { UserError } from '../../../../src/errors.js';

/** TEMPORARY stand-in until src/bot.ts lands; replaced by the real core. */
export async function createTestBot(): Promise<Bot> {
  const help = (_p: Platform): Answer => ({ text: 'Ask me about the Global MOOC Alliance.', kind: 'help', confidence: 1, sources: [], suggestions: [] });
  return {
    async ask(q: Question): Promise<Answer> {
      if (/found/i.test(q.text)) {
        return {
          text: 'The Global MOOC Alliance was founded by Tsinghua University, edX and Zhejiang University among others.',
          kind: 'passage',
          confidence: 0.9,
          sources: [{ document: 'Global MOOC Alliance', section: 'History', quote: 'founded' }],
          suggestions: [],
        };
      }
      return { text: "I don't know that.", kind: 'unknown', confidence: 0.1, sources: [], suggestions: ['Who founded the alliance?', 'When was it founded?'] };
    },
    async reload(by: Question): Promise<ReloadReport> {
      if (!by.isModerator) throw new UserError('bot: only moderators can reload');
      return { ok: true, documents: 2, passages: 40, faqEntries: 0, added: [], removed: [], changed: [], errors: [], tookMs: 5, by: by.userId };
    },
    async suggest() {
      return [];
    },
    help,
  };
}
