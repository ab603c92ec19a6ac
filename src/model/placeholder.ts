// A Staff row with Role "Placeholder" (e.g. Name "TBH Rigger") is a person still to hire: planned like
// anyone, shown apart in the firm's own sheets, and never named to a client.

import { normalizeName } from './cells';

export const PLACEHOLDER_ROLE = 'Placeholder';

export function isPlaceholder(staff: { role?: string }): boolean {
  return staff.role !== undefined && normalizeName(staff.role) === 'placeholder';
}

/** How the firm's own sheets set placeholders apart: purple text, a pale purple fill. */
export const PLACEHOLDER_INK = '#8430ce';
export const PLACEHOLDER_FILL = '#f3e8fd';
