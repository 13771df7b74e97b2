import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ASK_COMMAND } from '../../../adapters/slack/listeners/commands/ask.js';
import { KB_COMMAND } from '../../../adapters/slack/listeners/commands/kb.js';
import { RELOAD_COMMAND } from '../../../adapters/slack/listeners/commands/kb-reload.js';

interface Manifest {
  features: { slash_commands: { command: string }[]; app_home: { messages_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

describe('the Slack app manifest', () => {
  it('declares what the adapter listens to and needs', async () => {
    const manifest = parse(await readFile(new URL('../../../adapters/slack/manifest.yaml', import.meta.url), 'utf8')) as Manifest;
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([ASK_COMMAND, KB_COMMAND, RELOAD_COMMAND].sort());
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['app_mentions:read', 'chat:write', 'commands', 'im:history', 'im:read', 'im:write', 'users:read']),
    );
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_mention',
      'message.channels',
      'message.groups',
      'message.im',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });
});
