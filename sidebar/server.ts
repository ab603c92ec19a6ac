// The sidebar's only door to the Apps Script side: a typed, promise-returning wrapper over
// google.script.run, so a renamed server function breaks this build, not a user's click.

import type { SidebarApi } from '../src/api';

type Client = {
  [K in keyof SidebarApi]: (...args: Parameters<SidebarApi[K]>) => Promise<ReturnType<SidebarApi[K]>>;
};

function call(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler(resolve)
      .withFailureHandler((error: Error | string) =>
        reject(error instanceof Error ? error : new Error(String(error))),
      ) as unknown as Record<string, (...a: unknown[]) => void>;
    runner[name](...args);
  });
}

export const server = new Proxy({} as Client, {
  get:
    (_target, name: string) =>
    (...args: unknown[]) =>
      call(name, args),
});
