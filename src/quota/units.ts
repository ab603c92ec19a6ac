// How quota and KPI figures read: money in the Settings currency, counts, hours and rates — in notes,
// in the sidebar and as Sheets number formats — and notes kept within what a Sheets note holds.

import { formatMoney, moneyFormat } from '../model/money';
import { formatNumber } from '../model/numbers';
import type { Metric } from '../model/sheets';

export type Unit = 'money' | 'count' | 'hours' | 'rate';

export const METRIC_UNITS: Record<Metric, Unit> = {
  Revenue: 'money',
  'Expansion Revenue': 'money',
  'New Clients': 'count',
  'On-Time Projects': 'count',
  'On-Time Rate': 'rate',
  'Delivered Value': 'money',
  'Billable Hours': 'hours',
};

/** 0.925 → "92.5%". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(Math.round(fraction * 1000) / 10)}%`;
}

export function formatFigure(value: number, unit: Unit, currency: string): string {
  switch (unit) {
    case 'money':
      return formatMoney(value, currency);
    case 'rate':
      return formatPercent(value);
    case 'hours':
      return `${formatNumber(value)} h`;
    case 'count':
      return formatNumber(value);
  }
}

/** Whole numbers without decimals (a "0.##" format would show "2."), fractions with up to two. */
function plainFormat(value: number | undefined): string {
  return value === undefined || Number.isInteger(value) ? '#,##0' : '#,##0.0#';
}

/** The Sheets number format for a figure of this unit. */
export function figureFormat(unit: Unit, value: number | undefined, currency: string): string {
  if (unit === 'money') return moneyFormat(currency);
  if (unit === 'rate') return '0%';
  return plainFormat(value);
}

/** Rounds what a cell shows: cents for money, hundredths for counts and hours, 0.1% for rates. */
export function roundFigure(value: number, unit: Unit): number {
  const scale = unit === 'rate' ? 10_000 : 100;
  return Math.round(value * scale) / scale;
}

/** Sheets notes hold about 50,000 characters; longer explanations end with how many lines were left out. */
export const NOTE_LIMIT = 45_000;

export function noteText(lines: readonly string[], limit = NOTE_LIMIT): string {
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const next = text ? `${text}\n${lines[i]}` : lines[i];
    if (next.length > limit) return `${text}\n…and ${lines.length - i} more line${lines.length - i === 1 ? '' : 's'}`;
    text = next;
  }
  return text;
}

/** Note lines listing rows. */
export const bullets = (lines: readonly string[]): string[] => lines.map((l) => `• ${l}`);
