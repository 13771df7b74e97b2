/**
 * The command table: what a person can ask the bot to do, the same everywhere. Each platform
 * supplies only how a command is invoked there (Slack's reload is `/kb-reload`, the terminal's
 * `/reload`), so the help a person reads lists the commands their platform really has.
 */
import type { Platform } from '../types.js';

/** A command of the bot, whatever the platform calls it. */
export type CommandName = 'ask' | 'help' | 'reload' | 'status' | 'gaps' | 'why' | 'teach';

/** What a command does and who may use it. */
export interface CommandSpec {
  name: CommandName;
  /** Shown after the invocation in help, e.g. `<question>`. */
  args?: string;
  summary: string;
  /** Moderators only (others get a refusal only they see). */
  moderator: boolean;
}

/** Every command, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  { name: 'ask', args: '<question>', summary: 'ask a question', moderator: false },
  { name: 'help', summary: 'this help', moderator: false },
  { name: 'reload', args: '[force]', summary: 'reload the knowledge (checked; force skips the checks)', moderator: true },
  { name: 'status', summary: 'what knowledge is loaded, when and by whom', moderator: true },
  { name: 'gaps', args: '[days]', summary: 'questions I could not answer well, and down-voted answers', moderator: true },
  { name: 'why', args: '<question>', summary: 'how a question was read and weighed', moderator: true },
  { name: 'teach', summary: 'teach a new answer (a form)', moderator: true },
];

/** How a platform invokes each command it has (a command it lacks is left out). */
export type Invocations = Partial<Record<CommandName, string>>;

/** The terminal chat's commands (the terminal has no teach form: moderators edit the FAQ files). */
export const TERMINAL_INVOCATIONS: Invocations = {
  help: '/help',
  reload: '/reload',
  status: '/status',
  gaps: '/gaps',
  why: '/why',
};

/** The help's line of commands, as the platform invokes them: everyone's, then the moderators'. */
export function commandHelp(invocations: Invocations): string {
  const usage = (command: CommandSpec): string[] => {
    const invocation = invocations[command.name];
    return invocation ? [`${invocation}${command.args ? ` ${command.args}` : ''}`] : [];
  };
  const everyone = COMMANDS.filter((c) => !c.moderator).flatMap(usage);
  const moderators = COMMANDS.filter((c) => c.moderator).flatMap(usage);
  if (everyone.length === 0 && moderators.length === 0) return '';
  const parts = [everyone.join(', '), moderators.length ? `for moderators: ${moderators.join(', ')}` : ''].filter(Boolean);
  return `Commands: ${parts.join('; ')}.`;
}

/** Which platform invocations a conversation knows, by platform. */
export type PlatformInvocations = Partial<Record<Platform, Invocations>>;
