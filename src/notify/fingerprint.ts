// A short, stable fingerprint of a text: 16 hex digits from two 32-bit FNV-1a hashes. It marks what
// Crewsheet keeps track of outside the sheets (a client's copy, a task's calendar event, a message
// sent), so the next run finds its own work and tells what is new.

export function fingerprint(text: string): string {
  const fnv = (seed: number) => {
    let h = seed;
    for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) as number), 16777619);
    return (h >>> 0).toString(16).padStart(8, '0');
  };
  return fnv(2166136261) + fnv(0x9e3779b9);
}

export const FINGERPRINT = /^[0-9a-f]{16}$/;
