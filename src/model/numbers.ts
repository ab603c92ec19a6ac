// Numbers as messages and notes write them, the en-US way: "1,234.5".

let numbers: Intl.NumberFormat | undefined;

/**
 * 1234.5 → "1,234.5"; at most two decimals. One formatter, made the first time a figure is written:
 * making it costs a formula more than the figures, so the script does not make it when it loads.
 */
export function formatNumber(value: number): string {
  numbers ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  return numbers.format(value);
}
