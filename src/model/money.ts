// Money as the Settings currency shows it: "$12,400", "€900", "12,400 CHF".

import { formatNumber } from './numbers';

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', $: '$', '€': '€', '£': '£', '¥': '¥' };

export function formatMoney(amount: number, currency: string): string {
  const rounded = formatNumber(Math.round(amount));
  const symbol = SYMBOLS[currency.toUpperCase()] ?? SYMBOLS[currency];
  const sign = amount < 0 && rounded.startsWith('-') ? '-' : '';
  const digits = sign ? rounded.slice(1) : rounded;
  return symbol ? `${sign}${symbol}${digits}` : `${rounded} ${currency}`;
}

/** A Sheets number format showing the currency, for money columns. */
export function moneyFormat(currency: string): string {
  const symbol = SYMBOLS[currency.toUpperCase()] ?? SYMBOLS[currency];
  return symbol ? `"${symbol}"#,##0` : `#,##0 "${currency}"`;
}
