/**
 * The ceiling of the Slack load test, run as its own process (`node --import tsx
 * bench/slack-ceiling.ts <port> <signing secret>`): a bare Bolt app in HTTP mode whose `/ask`
 * acknowledges a constant. It pays what every Bolt app pays per request (HTTP parsing, signature
 * check, middleware) and nothing else. Prints `ready <port>` on stdout once listening; exits on
 * SIGTERM, or when the driver's end of stdin closes.
 */
import bolt from '@slack/bolt';
import type { AddressInfo } from 'node:net';

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? 0);
  const signingSecret = process.argv[3] ?? '';
  // authorize() instead of a token: otherwise Bolt asks Slack (auth.test) who the bot is on every request.
  const app = new bolt.App({
    signingSecret,
    authorize: async () => ({ botToken: 'xoxb-ceiling', botId: 'B0CEIL', botUserId: 'U0CEIL' }),
    logLevel: bolt.LogLevel.ERROR,
  });
  app.command('/ask', async ({ ack }) => {
    await ack('ok');
  });
  const server = (await app.start(port)) as { address(): AddressInfo | string | null };
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : port}\n`);
  const stop = (): void => {
    void app.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((error: unknown) => {
  process.stderr.write(`slack-ceiling: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
