/**
 * The slash command definitions, in one place: the bot registers them on start (when they changed)
 * and `npm run discord:deploy` registers the very same data, so the two can never disagree.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type REST,
  Routes,
  SlashCommandBuilder,
  type APIApplicationCommand,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Invocations } from '../../src/conversation/commands.js';

/** Longest question the adapter passes on; the core cuts further to MAX_QUESTION_LENGTH. */
export const MAX_QUESTION_CHARS = 1000;

/** Command and option names the handlers dispatch on. */
export const COMMAND = { ask: 'ask', reload: 'reload', help: 'help', kb: 'kb' } as const;
/** `/ask question:<text>` and `/kb why question:<text>`. */
export const QUESTION_OPTION = 'question';
/** `/reload force:true` skips the knowledge checks. */
export const FORCE_OPTION = 'force';
/** `/kb gaps days:<n>`. */
export const DAYS_OPTION = 'days';
/** The moderators' `/kb` subcommands. */
export const KB = { status: 'status', gaps: 'gaps', why: 'why', teach: 'teach' } as const;
/** Longest look-back `/kb gaps` offers; the database keeps 90 days by default anyway. */
export const MAX_GAP_DAYS = 365;

/** A command body as sent to `PUT /applications/{id}/commands`. */
export type CommandData = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The commands the bot answers. */
export function commandDefinitions(): CommandData[] {
  return [
    new SlashCommandBuilder()
      .setName(COMMAND.ask)
      .setDescription('Ask a question about the Global MOOC Alliance')
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .addStringOption((option) =>
        option
          .setName(QUESTION_OPTION)
          .setDescription('Your question, e.g. "who founded it?"')
          .setRequired(true)
          .setMaxLength(MAX_QUESTION_CHARS)
          .setAutocomplete(true),
      )
      .toJSON(),
    // No default member permissions: a moderator role need not carry Manage Server, so the
    // command stays visible and the permission check happens when it runs.
    new SlashCommandBuilder()
      .setName(COMMAND.reload)
      .setDescription('Moderators: reload the knowledge base and show what changed')
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
      .setContexts(InteractionContextType.Guild)
      .addBooleanOption((option) =>
        option.setName(FORCE_OPTION).setDescription('Skip the knowledge checks (said in the report and the audit log)'),
      )
      .toJSON(),
    new SlashCommandBuilder()
      .setName(COMMAND.help)
      .setDescription('What the bot knows and how to ask it')
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),
    // Same rule as /reload: visible to all, checked when it runs.
    new SlashCommandBuilder()
      .setName(COMMAND.kb)
      .setDescription('Moderators: the knowledge base: status, gaps, why an answer, teach')
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((sub) => sub.setName(KB.status).setDescription('What is loaded, when, by whom, and how the last reload went'))
      .addSubcommand((sub) =>
        sub
          .setName(KB.gaps)
          .setDescription('Questions the bot could not answer well, and down-voted answers')
          .addIntegerOption((option) =>
            option.setName(DAYS_OPTION).setDescription('How many days back (default 7)').setMinValue(1).setMaxValue(MAX_GAP_DAYS),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName(KB.why)
          .setDescription('How a question is read and weighed, and why the answer won')
          .addStringOption((option) =>
            option
              .setName(QUESTION_OPTION)
              .setDescription('The question, e.g. "who founded it?"')
              .setRequired(true)
              .setMaxLength(MAX_QUESTION_CHARS),
          ),
      )
      .addSubcommand((sub) => sub.setName(KB.teach).setDescription('Add a question and its answer (opens a form)'))
      .toJSON(),
  ];
}

/** The route commands are registered at: one server (instant updates) or global. */
export function commandsRoute(clientId: string, guildId?: string): `/${string}` {
  return guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
}

type Comparable = Record<string, unknown>;

/** The fields Discord echoes back that we define, with Discord's defaults filled in. */
function normalizeOption(option: Comparable): Comparable {
  const options = Array.isArray(option.options) ? (option.options as Comparable[]).map(normalizeOption) : [];
  return {
    type: option.type,
    name: option.name,
    description: option.description,
    required: option.required ?? false,
    autocomplete: option.autocomplete ?? false,
    min_length: option.min_length ?? null,
    min_value: option.min_value ?? null,
    max_value: option.max_value ?? null,
    max_length: option.max_length ?? null,
    choices: option.choices ?? null,
    options,
  };
}

function normalizeCommand(command: Comparable): Comparable {
  const contexts = Array.isArray(command.contexts) ? [...(command.contexts as number[])].sort() : null;
  const integrationTypes = Array.isArray(command.integration_types) ? [...(command.integration_types as number[])].sort() : null;
  return {
    type: command.type ?? 1,
    name: command.name,
    description: command.description,
    default_member_permissions: command.default_member_permissions ?? null,
    nsfw: command.nsfw ?? false,
    contexts,
    integration_types: integrationTypes,
    options: Array.isArray(command.options) ? (command.options as Comparable[]).map(normalizeOption) : [],
  };
}

const key = (commands: readonly Comparable[]): string =>
  JSON.stringify(commands.map(normalizeCommand).sort((a, b) => String(a.name).localeCompare(String(b.name))));

/**
 * Whether the registered commands differ from the wanted ones. Registering unconditionally on
 * every start would burn the daily command-create limit and reset permissions moderators set.
 */
export function commandsDiffer(registered: readonly APIApplicationCommand[], wanted: readonly CommandData[]): boolean {
  return key(registered as unknown as Comparable[]) !== key(wanted as unknown as Comparable[]);
}

/** What {@link syncCommands} did. */
export type SyncResult = 'unchanged' | 'registered';

/** Registers the command definitions at `route` when what is registered there differs. */
export async function syncCommands(
  rest: REST,
  route: `/${string}`,
  wanted: readonly CommandData[] = commandDefinitions(),
): Promise<SyncResult> {
  const registered = (await rest.get(route)) as APIApplicationCommand[];
  if (!commandsDiffer(registered, wanted)) return 'unchanged';
  await rest.put(route, { body: wanted });
  return 'registered';
}

/** How Discord invokes each command of the conversation layer's table, for help. */
export const DISCORD_INVOCATIONS: Invocations = {
  ask: `/${COMMAND.ask}`,
  help: `/${COMMAND.help}`,
  reload: `/${COMMAND.reload}`,
  status: `/${COMMAND.kb} ${KB.status}`,
  gaps: `/${COMMAND.kb} ${KB.gaps}`,
  why: `/${COMMAND.kb} ${KB.why}`,
  teach: `/${COMMAND.kb} ${KB.teach}`,
};
