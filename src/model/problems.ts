// A problem found in the workbook, addressed to the cell that causes it, in words a project manager
// can act on: `Tasks!D7: Hours must be a positive number, got "abc"`.

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  sheet: string;
  /** A1 address within the sheet, e.g. "D7"; empty when the whole sheet is concerned. */
  cell: string;
  message: string;
}

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

export function a1(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

export function formatProblem(p: Problem): string {
  const where = p.cell ? `${p.sheet}!${p.cell}` : p.sheet;
  return `${where}: ${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Shows a sheet value inside a message: strings quoted and shortened, everything else as text. */
export function quote(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const s = String(value);
  const short = s.length > 40 ? `${s.slice(0, 37)}...` : s;
  return typeof value === 'string' ? `"${short}"` : short;
}

/** Thrown by core functions when input cannot be used; carries every problem at once. */
export class ProblemsError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    const shown = errors.slice(0, 5).map(formatProblem);
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
    super(shown.join('; ') + more);
    this.problems = problems;
  }
}
