// Runs that write hold the document lock, so two clicks (or two users) cannot interleave writes.

const WAIT_MS = 20_000;

export function withDocumentLock<T>(run: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(WAIT_MS)) {
    throw new Error('Another Crewsheet run is still writing to this spreadsheet. Try again in a moment.');
  }
  try {
    const result = run();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
