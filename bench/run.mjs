// Runs a TypeScript benchmark: bundles bench/<name>.ts with esbuild into bench/out/.build and runs it
// with the remaining arguments, so benchmarks need nothing beyond the project's own dependencies.

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
const outdir = join(here, 'out', '.build');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, `${name}.mjs`);
await esbuild.build({
  entryPoints: [join(here, `${name}.ts`)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  // Loaded from node_modules as it is: it finds its own files at run time.
  external: ['playwright-core'],
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--max-old-space-size=8192', outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
