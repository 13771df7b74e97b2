/**
 * Registers the slash commands (from commands.ts, the same data the bot uses) to the configured
 * server when there is one (instant updates) or globally. `npm run discord:deploy` runs it.
 */
import { REST } from 'discord.js';
import { commandDefinitions, commandsRoute } from './commands.js';
import type { DiscordConfig } from './config.js';

/** What {@link deployCommands} registered, and where. */
export interface DeployResult {
  route: string;
  names: string[];
  scope: 'guild' | 'global';
}

/**
 * Registers the command definitions, overwriting what is registered at the route. With `clear`,
 * registers none instead: for removing the server copies after switching to global registration.
 */
export async function deployCommands(config: DiscordConfig, options: { clear?: boolean } = {}): Promise<DeployResult> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = commandsRoute(config.clientId, config.guildId);
  const commands = options.clear ? [] : commandDefinitions();
  await rest.put(route, { body: commands });
  return { route, names: commands.map((c) => c.name), scope: config.guildId ? 'guild' : 'global' };
}
