/**
 * The whole program's settings: the core's and each adapter's, each read by its own schema, with
 * every problem of all of them reported at once.
 */
import { type DiscordConfig, readDiscordConfig } from '../../adapters/discord/index.js';
import { readSlackConfig, type SlackConfig } from '../../adapters/slack/index.js';
import { type AppConfig, loadConfig } from '../config.js';
import { UserError } from '../errors.js';

/** The core's settings and those of the platforms configured. */
export interface ProgramConfig extends AppConfig {
  discord?: DiscordConfig;
  slack?: SlackConfig;
}

const HEAD = 'config: invalid settings:\n';

/** Reads every setting; throws one {@link UserError} listing the problems of all of them. */
export function loadProgramConfig(env: NodeJS.ProcessEnv, overrides: Parameters<typeof loadConfig>[1] = {}): ProgramConfig {
  const problems: string[] = [];
  const read = <T>(reader: () => T): T | undefined => {
    try {
      return reader();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(error.message.startsWith(HEAD) ? error.message.slice(HEAD.length) : `  ${error.message}`);
      return undefined;
    }
  };
  const core = read(() => loadConfig(env, overrides));
  const discord = read(() => readDiscordConfig(env));
  const slack = read(() => readSlackConfig(env));
  if (problems.length > 0 || !core) throw new UserError(`${HEAD}${problems.join('\n')}`);
  return { ...core, ...(discord ? { discord } : {}), ...(slack ? { slack } : {}) };
}
