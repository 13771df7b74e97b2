/**
 * `npm run discord:deploy`: registers the slash commands (from commands.ts, the same data the bot
 * uses) to DISCORD_GUILD_ID when set (instant updates, for one server) or globally.
 */
import 'dotenv/config';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REST } from 'discord.js';
import { loadConfig, type DiscordConfig } from '../../src/config.js';
import { UserError } from '../../src/errors.js';
import { commandDefinitions, commandsRoute } from './commands.js';

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

async function main(): Promise<void> {
  const config = loadConfig(process.env, { knowledgeDir: path.resolve('knowledge') });
  if (!config.discord) {
    throw new UserError('discord: DISCORD_TOKEN is not set; set DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (see docs/discord.md)');
  }
  const clear = process.argv.includes('--clear');
  const result = await deployCommands(config.discord, { clear });
  const where =
    result.scope === 'guild'
      ? `to server ${config.discord.guildId} (available now)`
      : 'globally (new commands can take up to an hour to appear in every server)';
  process.stdout.write(
    clear
      ? `discord: removed the commands registered ${where.replace(/ \(.*\)$/, '')}\n`
      : `discord: registered /${result.names.join(', /')} ${where}\n`,
  );
}

// Run only as a script, so tests can import deployCommands.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
    const message =
      error instanceof UserError
        ? error.message
        : status === 401
          ? 'discord: deploy failed: Discord rejected DISCORD_TOKEN (401); reset the token on the Bot page of your application and update .env'
          : `discord: deploy failed: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}
