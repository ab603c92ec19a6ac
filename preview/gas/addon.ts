// Loads the built dist/Code.js in a bare node:vm context with the in-memory services, and calls it
// the three ways Apps Script does: from a menu, through google.script.run, and as a custom function.

import vm from 'node:vm';
import type { FakeServices } from './services';

export interface Addon {
  context: vm.Context;
  /** Globals the script defined when it loaded. */
  newGlobals: string[];
  /** A menu item or trigger calling a top-level function. */
  call(name: string, ...args: unknown[]): unknown;
  /** google.script.run: only public functions, no Dates either way, plain data copied. */
  run(name: string, args: unknown[]): unknown;
  /** A custom function, as Sheets calls it while recalculating: no writes, no UI, no locks. */
  customFunction(name: string, args: unknown[]): unknown;
}

function findDate(value: unknown, path = 'value'): string | undefined {
  if (value instanceof Date) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findDate(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findDate(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Deep copy through JSON, as data crossing google.script.run is serialized. */
function copy<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/** The host's Date with its clock stopped at `instant`: `new Date()` and `Date.now()` answer it. */
export function stoppedClock(instant: Date): DateConstructor {
  const time = instant.getTime();
  return new Proxy(Date, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [time], newTarget),
    apply: (target, self, args) => (args.length ? Reflect.apply(target, self, args) : new target(time).toString()),
    get: (target, key) => (key === 'now' ? () => time : Reflect.get(target, key)),
  });
}

/** Loads the script; with `now`, the script's clock reads that instant (tests), else the real time. */
export function loadAddon(code: string, services: FakeServices, now?: Date): Addon {
  // Sheets hands the script Dates of the script's own realm; sharing the host's Date keeps
  // `instanceof Date` true for the in-memory spreadsheet's dates, as it is in Apps Script.
  const sandbox: Record<string, unknown> = { ...services.globals, console, Date: now ? stoppedClock(now) : Date };
  const context = vm.createContext(sandbox);
  const before = new Set(Object.getOwnPropertyNames(vm.runInContext('globalThis', context)));
  vm.runInContext(code, context, { filename: 'Code.js' });
  const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
  const newGlobals = Object.getOwnPropertyNames(global).filter((n) => !before.has(n));

  const fn = (name: string) => {
    const f = global[name];
    if (typeof f !== 'function') throw new Error(`Script function not found: ${name}`);
    return f as (...args: unknown[]) => unknown;
  };

  return {
    context,
    newGlobals,
    call: (name, ...args) => fn(name)(...args),
    run(name, args) {
      if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
      const inArgs = findDate(args, 'argument');
      if (inArgs) throw new Error(`Failed due to illegal value in property: ${inArgs} (Dates cannot be passed to the server)`);
      const result = fn(name)(...copy(args));
      const inResult = findDate(result, 'result');
      if (inResult) throw new Error(`Failed due to illegal value in property: ${inResult} (Dates cannot be returned to the sidebar)`);
      return copy(result);
    },
    customFunction(name, args) {
      services.restricted.on = true;
      try {
        return fn(name)(...args);
      } finally {
        services.restricted.on = false;
      }
    },
  };
}
