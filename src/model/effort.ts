// The work a computation may do, counted in steps (a day of someone's calendar looked at, a person
// weighed for a place, a simulated outcome of a budget line), never timed: the same sheets stop at the
// same step, so an answer never depends on how busy the machine was. A custom function gets a fixed
// allowance sized for Sheets' 30 seconds; the panels, which run in the browser, get no limit.

/** Thrown when a computation would take more steps than it is allowed (a message, if any, says what was too large). */
export class TooMuchWork extends Error {}

export class Effort {
  private steps = 0;

  constructor(readonly allowance = Number.POSITIVE_INFINITY) {}

  /** Counts steps, and stops the computation once past the allowance. */
  spend(steps: number): void {
    this.steps += steps;
    if (this.steps > this.allowance) throw new TooMuchWork();
  }

  /** Counts steps without stopping: for bookkeeping that must finish once started (the next spend stops). */
  count(steps: number): void {
    this.steps += steps;
  }

  get spent(): number {
    return this.steps;
  }

  get exhausted(): boolean {
    return this.steps > this.allowance;
  }
}
