// One stable, readable colour per client, the same in every view and every run. The palette is light
// enough that black text keeps a contrast ratio above 7:1 on every colour.

const PALETTE = [
  '#a8c7fa',
  '#f6aea9',
  '#a8dab5',
  '#fde293',
  '#d7aefb',
  '#fcc934',
  '#aecbfa',
  '#fdcfe8',
  '#a1e4f2',
  '#f5c397',
  '#ccebc5',
  '#e6c9a8',
  '#c2d7f0',
  '#f8bbd0',
  '#b9e3a3',
  '#ffe0b2',
  '#d1c4e9',
  '#b2dfdb',
  '#ffccbc',
  '#dcedc8',
  '#c5cae9',
  '#f0f4c3',
  '#b3e5fc',
  '#e1bee7',
];

/** Marks on the timeline that are not clients. */
export const MARK = {
  late: '#f28b82',
  nonWorking: '#eeeeee',
  today: '#fff3c4',
  header: '#e8eaed',
  tentative: '#e8f0fe',
  overbooked: '#f28b82',
  busy: '#d2e3fc',
  free: '#ffffff',
} as const;

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text.toLowerCase()) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * Colours for every client of the workbook. Each client starts at the palette slot its name hashes
 * to and moves on while that slot is taken, visiting clients in name order: a client keeps its colour
 * whatever is filtered or planned, and changes only if a new client lands on its slot first.
 */
export function clientColors(clients: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const taken = new Set<number>();
  for (const client of [...new Set(clients)].sort((a, b) => a.localeCompare(b))) {
    let slot = hash(client) % PALETTE.length;
    for (let tries = 0; taken.has(slot) && tries < PALETTE.length; tries++) slot = (slot + 1) % PALETTE.length;
    taken.add(slot);
    colors.set(client, PALETTE[slot]);
  }
  return colors;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(color: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(color.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast ratio of black text on a background. */
export function contrastWithBlack(background: string): number {
  return (luminance(background) + 0.05) / 0.05;
}

/** A lighter version of a colour, for days a task is paused. */
export function tint(color: string, amount = 0.55): string {
  const mix = (i: number) =>
    Math.round(Number.parseInt(color.slice(i, i + 2), 16) + (255 - Number.parseInt(color.slice(i, i + 2), 16)) * amount)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}
