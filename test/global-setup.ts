import { execFileSync } from 'node:child_process';

/** Compiles once before the tests, so tests that run the real program run the current code. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
