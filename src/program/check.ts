/**
 * `npm run check`: validates the configuration and the knowledge folder (its checks included)
 * without starting anything, for deploy pipelines. Exits 1 on any problem.
 */
import 'dotenv/config';
import { Answerer } from '../answer/answerer.js';
import { loadProgramConfig } from './config.js';
import { UserError } from '../errors.js';
import { formatKnowledgeError, loadKnowledge } from '../knowledge/loader.js';
import { runChecks } from '../moderation/checks.js';

async function main(): Promise<number> {
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  let config: ReturnType<typeof loadProgramConfig>;
  try {
    config = loadProgramConfig(process.env);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    out(error.message);
    return 1;
  }
  const platforms = [config.discord && 'Discord', config.slack && (config.slack.appToken ? 'Slack (Socket Mode)' : 'Slack (HTTP)')].filter(
    Boolean,
  );
  out(`config: ok (${platforms.length ? platforms.join(', ') : 'terminal only'})`);

  const loaded = await loadKnowledge(config.knowledgeDir);
  if (!loaded.ok) {
    out(`knowledge: ${config.knowledgeDir} has ${loaded.errors.length} problem(s):`);
    for (const error of loaded.errors) out(`  ${formatKnowledgeError(error)}`);
    return 1;
  }
  const answerer = new Answerer(loaded.knowledge);
  const { documents, passages, faqEntries } = answerer.stats;
  out(`knowledge: ok (${documents} documents, ${passages} passages, ${faqEntries} FAQ entries, content ${loaded.knowledge.contentHash})`);
  // What the lists gave their entities (issue 13), so a moderator sees what filters and counts work on.
  for (const line of answerer.facts.summary()) out(`entities: ${line}`);
  const checks = await runChecks(loaded.knowledge.checks, (text) => answerer.ask(text).text);
  if (checks.failures.length > 0) {
    out(`checks: ${checks.failures.length} of ${loaded.knowledge.checks.length} failed:`);
    for (const f of checks.failures)
      out(`  "${f.question}": ${f.problems.join(', ')}\n    got: ${f.answer.replace(/\s+/g, ' ').slice(0, 200)}`);
    return 1;
  }
  out(`checks: ${checks.passed} passed`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`check: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
