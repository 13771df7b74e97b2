import type { APIApplicationCommand } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitions, commandsDiffer, commandsRoute } from '../../../adapters/discord/commands.js';
import { limitQuestion, mentionsBot, stripMention } from '../../../adapters/discord/question-text.js';

/** What Discord returns for registered commands: our data plus ids and defaults. */
const registered = (): APIApplicationCommand[] =>
  commandDefinitions().map((c, i) => ({
    ...c,
    id: String(100 + i),
    application_id: '1',
    version: '1',
    type: 1,
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    description_localizations: null,
    name_localizations: null,
    options: (c.options ?? []).map((o) => ({ ...o })),
  })) as unknown as APIApplicationCommand[];

describe('slash command definitions', () => {
  it('defines /ask with an autocompleting, required question, /reload and /help', () => {
    const commands = commandDefinitions();
    expect(commands.map((c) => c.name)).toEqual(['ask', 'reload', 'help', 'kb']);
    expect(commands[0]?.options).toEqual([expect.objectContaining({ name: 'question', required: true, autocomplete: true })]);
  });

  it('gives /reload an optional force and /kb its status, gaps [days], why question and teach subcommands', () => {
    const commands = commandDefinitions();
    expect(commands.find((c) => c.name === 'reload')?.options).toEqual([expect.objectContaining({ name: 'force', type: 5 })]);
    expect(commands.find((c) => c.name === 'reload')?.options?.[0]).not.toHaveProperty('required', true);
    const kb = commands.find((c) => c.name === 'kb');
    expect(kb?.default_member_permissions ?? null).toBeNull();
    expect(kb?.options?.map((o) => [o.name, o.type])).toEqual([
      ['status', 1],
      ['gaps', 1],
      ['why', 1],
      ['teach', 1],
    ]);
    const sub = (name: string) =>
      kb?.options?.find((o) => o.name === name) as { options?: { name: string; type: number; required?: boolean }[] } | undefined;
    expect(sub('gaps')?.options).toEqual([expect.objectContaining({ name: 'days', type: 4 })]);
    expect(sub('why')?.options).toEqual([expect.objectContaining({ name: 'question', type: 3, required: true })]);
  });

  it('does not hide /reload behind default member permissions (moderator roles need not have Manage Server)', () => {
    expect(commandDefinitions().find((c) => c.name === 'reload')?.default_member_permissions ?? null).toBeNull();
  });

  it('registers to the server when a guild id is set, else globally', () => {
    expect(commandsRoute('11', '22')).toBe('/applications/11/guilds/22/commands');
    expect(commandsRoute('11')).toBe('/applications/11/commands');
  });
});

describe('deciding whether commands changed', () => {
  it('sees no change when Discord echoes our definitions with its defaults', () => {
    expect(commandsDiffer(registered(), commandDefinitions())).toBe(false);
  });

  it('sees a change in a description, a missing command or nothing registered', () => {
    const changed = registered();
    if (changed[0]) changed[0].description = 'old text';
    expect(commandsDiffer(changed, commandDefinitions())).toBe(true);
    expect(commandsDiffer(registered().slice(1), commandDefinitions())).toBe(true);
    expect(commandsDiffer([], commandDefinitions())).toBe(true);
  });
});

describe('reading a mention', () => {
  it('strips the bot mention, in either form, and folds whitespace', () => {
    expect(stripMention('<@42>  who founded\n it?', '42')).toBe('who founded it?');
    expect(stripMention('hey <@!42>, who founded it?', '42')).toBe('hey , who founded it?');
  });

  it('counts only an explicit mention of this bot', () => {
    expect(mentionsBot('<@42> hi', '42')).toBe(true);
    expect(mentionsBot('<@420> hi', '42')).toBe(false);
    expect(mentionsBot('@everyone hi', '42')).toBe(false);
    expect(mentionsBot('<@&7> hi', '42')).toBe(false);
  });

  it("counts a mention of the bot's own role, and strips it", () => {
    expect(mentionsBot('<@&7> hi', '42', '7')).toBe(true);
    expect(stripMention('<@&7> who founded it?', '42', '7')).toBe('who founded it?');
  });

  it('cuts overly long questions', () => {
    expect(limitQuestion('a'.repeat(5000)).length).toBe(1000);
  });
});
