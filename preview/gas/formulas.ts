// Recalculates cells holding a custom-function formula (=ASSIGN(Tasks!A:R, Staff!A:K)), passing
// ranges the way Sheets does (a 2D array, or a plain value for one cell) and spilling the answer.
// The formula itself is computed in formula-worker.ts, on a copy of the workbook's values.

import type { Addon } from './addon';
import { type FakeSheet, type FakeSpreadsheet, parseA1, type Value } from './spreadsheet';

type Argument = Value | Value[][] | undefined;

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ',' || ch === ';') {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() || out.length) out.push(current.trim());
  return out;
}

function readRange(ss: FakeSpreadsheet, home: FakeSheet, ref: string): Argument {
  const bang = ref.lastIndexOf('!');
  const sheetName = bang < 0 ? home.name : ref.slice(0, bang).replace(/^'(.*)'$/, '$1');
  const sheet = ss.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`Unresolved sheet name '${sheetName}'`);
  const r = parseA1(ref.slice(bang + 1), Math.max(1, sheet.getLastRow()));
  const values: Value[][] = Array.from({ length: r.rows }, (_, i) =>
    Array.from({ length: r.columns }, (_, j) => sheet.cell(r.row + i, r.column + j)?.value ?? ''),
  );
  return r.rows === 1 && r.columns === 1 ? values[0][0] : values;
}

function evaluateArg(ss: FakeSpreadsheet, home: FakeSheet, text: string): Argument {
  if (text === '') return undefined;
  if (/^".*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^[-+]?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return readRange(ss, home, text);
}

const CALL = /^=\s*([A-Z_][A-Z0-9_]*)\s*\(([\s\S]*)\)\s*$/i;

export function evaluate(addon: Addon, ss: FakeSpreadsheet, sheet: FakeSheet, formula: string): unknown {
  const m = CALL.exec(formula);
  if (!m) throw new Error('The preview evaluates custom functions only, like =ASSIGN(Tasks!A:R, Staff!A:K)');
  const args = splitArgs(m[2]).map((a) => evaluateArg(ss, sheet, a));
  return addon.customFunction(m[1].toUpperCase(), args);
}

/** The sheets a formula reads: those its ranges name, and its own sheet (for ranges without a name). */
function readsFrom(home: FakeSheet, formula: string): string[] {
  const args = splitArgs(CALL.exec(formula)?.[2] ?? '');
  const named = args
    .filter((a) => a.includes('!') && !/^".*"$/.test(a))
    .map((a) => a.slice(0, a.lastIndexOf('!')).replace(/^'(.*)'$/, '$1'));
  return [home.name, ...named];
}

/** Size of each formula's last answer, so a smaller answer clears what the bigger one spilled. */
const spills = new WeakMap<FakeSheet, Map<string, { rows: number; columns: number }>>();

function clearSpill(sheet: FakeSheet, row: number, column: number): void {
  const last = spills.get(sheet)?.get(`${row},${column}`);
  if (!last) return;
  for (let r = 0; r < last.rows; r++) {
    for (let c = 0; c < last.columns; c++) if (r > 0 || c > 0) sheet.edit(row + r, column + c).value = '';
  }
}

/** A cell holding a formula. */
export interface FormulaCell {
  sheet: FakeSheet;
  row: number;
  column: number;
  formula: string;
}

/** Every formula cell, or, as Sheets recalculates, only those reading a sheet that changed. */
export function formulaCells(ss: FakeSpreadsheet, changed?: ReadonlySet<string>): FormulaCell[] {
  return ss.sheets.flatMap((sheet) =>
    sheet
      .formulas()
      .filter(({ formula }) => !changed || readsFrom(sheet, formula).some((name) => changed.has(name)))
      .map((f) => ({ sheet, ...f })),
  );
}

/** What computing one formula needs: the workbook's values (a custom function reads nothing else), and where it is. */
export interface FormulaJob {
  title: string;
  timeZone: string;
  locale: string;
  sheets: { name: string; values: Value[][] }[];
  sheet: string;
  formula: string;
}

export function formulaJob(ss: FakeSpreadsheet, { sheet, formula }: FormulaCell): FormulaJob {
  return {
    title: ss.name,
    timeZone: ss.timeZone,
    locale: ss.locale,
    sheets: ss.sheets.map((s) => ({ name: s.name, values: s.peek() })),
    sheet: sheet.name,
    formula,
  };
}

/** Writes a formula's answer (or its error, as Sheets shows one) from its cell to the right and below. */
export function spillAnswer({ sheet, row, column }: FormulaCell, reply: { answer?: unknown; error?: string }): void {
  if (!spills.has(sheet)) spills.set(sheet, new Map());
  clearSpill(sheet, row, column);
  const answer = reply.error === undefined ? reply.answer : `#ERROR! ${reply.error}`;
  const grid = Array.isArray(answer) ? (answer as unknown[][]) : [[answer]];
  spills
    .get(sheet)
    ?.set(`${row},${column}`, { rows: grid.length, columns: Math.max(1, ...grid.map((l) => (Array.isArray(l) ? l.length : 1))) });
  grid.forEach((line, r) => {
    (Array.isArray(line) ? line : [line]).forEach((value, c) => {
      const cell = sheet.edit(row + r, column + c);
      cell.value = (value ?? '') as Value;
      if (r > 0 || c > 0) cell.formula = undefined;
    });
  });
}
