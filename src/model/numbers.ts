// Numbers as messages and notes write them, the en-US way: "1,234.5".

let numbers: Intl.NumberFormat | undefined;

/**
 * 1234.5 → "1,234.5"; at most two decimals. One formatter, made the first time a figure is written:
 * making it costs a formula more than the figures, so the script does not make it when it loads.
 */
export function formatNumber(value: number): string {
  // Whole numbers under a thousand read as they are (most counts): no formatter needed for them.
  if (Number.isInteger(value) && Math.abs(value) < 1000 && !Object.is(value, -0)) return String(value);
  numbers ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  return numbers.format(value);
}

/** "1 task", "3 tasks", "1,200 working days". */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${formatNumber(count)} ${count === 1 ? word : many}`;
}

/** Hours and days as notes and cells show them: to a tenth (7.5, not 7.4999). */
export const toTenth = (n: number) => Math.round(n * 10) / 10;
