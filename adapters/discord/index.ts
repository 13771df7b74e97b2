/** The Discord adapter's public face: the factory `main.ts` wires, and the command data. */
export { createDiscordAdapter } from './adapter.js';
export { commandDefinitions, commandsRoute } from './commands.js';
