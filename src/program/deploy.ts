/**
 * `npm run discord:deploy`: registers the slash commands (from commands.ts, the same data the bot
 * uses) to DISCORD_GUILD_ID when set (instant updates, for one server) or globally.
 */
import 'dotenv/config';
import path from 'node:path';
import { deployCommands } from '../../adapters/discord/deploy.js';
import { loadProgramConfig } from './config.js';
import { UserError } from '../errors.js';

async function main(): Promise<void> {
  const config = loadProgramConfig(process.env, { knowledgeDir: path.resolve('knowledge') });
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
