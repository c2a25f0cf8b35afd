import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Builds dist/ once before any test runs: the CLI and runtime tests start the
 * compiled server (`bin/warta.js`), as `npm start` does, so they test the build
 * too, and parallel test files never race to build it.
 */
export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '../scripts/build.mjs')], {
    stdio: 'inherit',
  });
}
