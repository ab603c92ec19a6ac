// Runs a list of instance files, writes each solution as JSON, prints a TSV line per instance and a
// summary per set: gaps to the best known makespan and to the lower bounds, share reaching the
// reference, time and iterations per instance. Invalid solutions are counted and never scored.

import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { portfolioWinner } from '../src/schedule/portfolio';
import { files, option } from './args';
import { type Budget, type Instance, instanceName, type Solution, type Solved, setName, solve } from './instances';

export interface Reference {
  /** Best known makespan (blank when none is published). */
  best?: number;
  /** Proven lower bound from the instance library. */
  lowerBound?: number;
  /** 1 when the best known makespan is proven optimal. */
  optimal?: boolean;
  /** What CP-SAT reached on the same instance (2 cores, 10 s), where measured. */
  cpsat?: number;
}

interface Row {
  set: string;
  solution: Solution;
  invalid: number;
  reference: Reference;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const median = (xs: number[]) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (x: number) => (Number.isNaN(x) ? '–' : `${x.toFixed(2)}%`);
const gap = (value: number, reference: number) => (100 * (value - reference)) / reference;

/** A solve in a child process of its own (so its CPU time is its own), as the k-th search of a portfolio. */
function solveApart(file: string, budget: Budget, seed: number, k: number): Promise<Solved> {
  const args = [process.argv[1], '--solve-one', file, '--seed', String(seed), '--search', String(k)];
  args.push(...(typeof budget === 'string' ? ['--budget', budget] : ['--iterations', String(budget.iterations)]));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
    });
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(text) as Solved) : reject(new Error(`${file}: search exited with ${code}`)),
    );
  });
}

/**
 * Solves one instance: one search, or with --workers N a portfolio of N searches run at once in
 * separate processes (as the Plan panel's workers search), keeping the one the panel keeps.
 * Seconds are wall-clock; CPU seconds are the busiest search's, what N free cores would take.
 */
async function solveInstance(file: string, instance: Instance, budget: Budget, seed: number, workers: number): Promise<Solved> {
  if (workers <= 1) return solve(instance, budget, seed);
  const t0 = performance.now();
  const searches = await Promise.all(Array.from({ length: workers }, (_, k) => solveApart(file, budget, seed, k)));
  const kept = searches[portfolioWinner(searches.map((s) => s.terms))];
  const cpuSeconds = Math.max(...searches.map((s) => s.solution.cpuSeconds));
  return {
    ...kept,
    solution: {
      ...kept.solution,
      seconds: (performance.now() - t0) / 1000,
      cpuSeconds,
      budget: `${kept.solution.budget}, ${workers} searches`,
    },
  };
}

export async function runBenchmark(parse: (file: string) => Instance, reference: (file: string) => Reference): Promise<void> {
  const iterations = option('--iterations', '');
  const budget: Budget = iterations ? { iterations: Number(iterations) } : option('--budget', 'panel') === 'formula' ? 'formula' : 'panel';
  const seed = Number(option('--seed', '1'));
  const one = option('--solve-one', '');
  if (one) {
    process.stdout.write(JSON.stringify(solve(parse(one), budget, seed, Number(option('--search', '0')))));
    return;
  }
  const out = option('--out', '');
  const workers = Number(option('--workers', '1'));
  const inputs = files(['--iterations', '--budget', '--out', '--seed', '--workers']);
  if (!out || inputs.length === 0) {
    console.error('usage: -- [--budget panel|formula | --iterations N] [--workers N] [--seed S] --out DIR FILE...');
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const rows: Row[] = [];
  console.log(['instance', 'makespan', 'cost', 'lower bound', 'seconds', 'cpu seconds'].join('\t'));
  for (const file of inputs) {
    const instance = parse(file);
    const { solution, invalid } = await solveInstance(file, instance, budget, seed, workers);
    writeFileSync(
      join(out, `${instance.name}.json`),
      `${JSON.stringify({ instance: solution.instance, makespan: solution.makespan, cost: solution.cost, tasks: solution.tasks })}\n`,
    );
    if (invalid.length) console.error(`INVALID ${instance.name}: ${invalid.slice(0, 5).join('; ')}`);
    rows.push({ set: setName(file), solution, invalid: invalid.length, reference: reference(file) });
    console.log(
      [
        instanceName(file),
        solution.makespan,
        solution.cost,
        solution.lowerBound,
        solution.seconds.toFixed(2),
        solution.cpuSeconds.toFixed(2),
      ].join('\t'),
    );
  }
  summarize(rows);
}

/** The highest proven lower bound, own or published: no plan is shorter, so no gap to a reference can be lower than from it. */
const provenBound = (r: Row) => Math.max(r.solution.lowerBound, r.reference.lowerBound ?? 0);

function summarize(rows: Row[]): void {
  const sets = [...new Set(rows.map((r) => r.set))];
  console.log('');
  console.log(
    [
      '# set',
      'n',
      'invalid',
      'gap to best mean',
      'median',
      'reach best',
      'gap to LB mean',
      'median',
      'gap to own LB mean',
      'proven optima reached',
      'own LB below optimum mean',
      'gap to CP-SAT mean',
      'better than CP-SAT',
      'gap to CP-SAT at the bound',
      's/instance mean',
      'max',
      'cpu s mean',
      'max',
      'budget',
    ].join('\t'),
  );
  for (const set of [...sets, 'all']) {
    const group = rows.filter((r) => set === 'all' || r.set === set);
    const valid = group.filter((r) => r.invalid === 0);
    const withBest = valid.filter((r) => r.reference.best !== undefined);
    const toBest = withBest.map((r) => gap(r.solution.makespan, r.reference.best as number));
    const withLb = valid.filter((r) => r.reference.lowerBound !== undefined);
    const toLb = withLb.map((r) => gap(r.solution.makespan, r.reference.lowerBound as number));
    const toOwnLb = valid.map((r) => gap(r.solution.makespan, Math.max(1, r.solution.lowerBound)));
    const optimal = valid.filter((r) => r.reference.optimal);
    const withCpsat = valid.filter((r) => r.reference.cpsat !== undefined);
    console.log(
      [
        `# ${set}`,
        group.length,
        group.length - valid.length,
        pct(mean(toBest)),
        pct(median(toBest)),
        withBest.length ? `${withBest.filter((r) => r.solution.makespan <= (r.reference.best as number)).length}/${withBest.length}` : '–',
        pct(mean(toLb)),
        pct(median(toLb)),
        pct(mean(toOwnLb)),
        optimal.length ? `${optimal.filter((r) => r.solution.makespan <= (r.reference.best as number)).length}/${optimal.length}` : '–',
        pct(mean(optimal.map((r) => -gap(r.solution.lowerBound, r.reference.best as number)))),
        pct(mean(withCpsat.map((r) => gap(r.solution.makespan, r.reference.cpsat as number)))),
        withCpsat.length
          ? `${withCpsat.filter((r) => r.solution.makespan < (r.reference.cpsat as number)).length}/${withCpsat.length}`
          : '–',
        pct(mean(withCpsat.map((r) => gap(provenBound(r), r.reference.cpsat as number)))),
        mean(group.map((r) => r.solution.seconds)).toFixed(2),
        Math.max(...group.map((r) => r.solution.seconds)).toFixed(2),
        mean(group.map((r) => r.solution.cpuSeconds)).toFixed(2),
        Math.max(...group.map((r) => r.solution.cpuSeconds)).toFixed(2),
        group[0]?.solution.budget ?? '',
      ].join('\t'),
    );
  }
}
