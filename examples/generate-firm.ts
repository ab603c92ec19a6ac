// Seeded synthetic firms of any size, in the same sheet layout as the sample workbook: for scale
// benchmarks and for tests that need many rows or many different workbooks.

import { addDays, dayOf, dayToIso, weekday } from '../src/model/dates';

export interface FirmSize {
  staff: number;
  tasks: number;
  /** Months the projects spread over (default 12). */
  months?: number;
  seed?: number;
  /** First day of the plan (default 2027-01-04). */
  start?: string;
}

type Grid = (string | number)[][];

/** Deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SKILLS = [
  'Audio',
  'Video',
  'LED',
  'Lighting',
  'Rigging',
  'Carpentry',
  'Fabrication',
  'Painting',
  'Design',
  'Motion',
  'Networking',
  'Labor',
];
const FIRST = [
  'Ana',
  'Bo',
  'Cleo',
  'Dev',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  'Kai',
  'Lea',
  'Mo',
  'Nia',
  'Oto',
  'Pia',
  'Quin',
  'Rui',
  'Sol',
  'Tea',
];
const LAST = [
  'Abe',
  'Berg',
  'Cruz',
  'Dahl',
  'Egan',
  'Fox',
  'Gill',
  'Hale',
  'Ito',
  'Juarez',
  'Kerr',
  'Lund',
  'Moss',
  'Nash',
  'Ortiz',
  'Park',
];

export function generateFirm(size: FirmSize): Record<string, Grid> {
  const rnd = random(size.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const months = size.months ?? 12;
  const start = size.start ?? '2027-01-04';
  const [y, m, d] = start.split('-').map(Number);
  const day0 = dayOf(y, m, d);
  const span = Math.round(months * 30.4);

  // Staff: each has 1–4 skills; the best level a skill is held at somewhere is at least 3.
  const levels: Map<string, number>[] = [];
  const staff: Grid = [['Name', 'Role', 'Skills', 'Hours/Week', 'Work Days', 'Cost Rate', 'Bill Rate']];
  for (let i = 0; i < size.staff; i++) {
    const own = new Map<string, number>();
    own.set(SKILLS[i % SKILLS.length], int(2, 5));
    for (let k = int(0, 3); k > 0; k--) own.set(pick(SKILLS), int(1, 4));
    levels.push(own);
    const partTime = rnd() < 0.2;
    const cost = int(25, 70);
    staff.push([
      `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${Math.floor(i / (FIRST.length * LAST.length)) || ''}`.trim(),
      `${[...own.keys()][0]} tech`,
      [...own].map(([s, l]) => `${s}:${l}`).join(', '),
      partTime ? pick([20, 24, 32]) : 40,
      partTime && rnd() < 0.5 ? 'Mon-Thu' : 'Mon-Fri',
      cost,
      Math.round(cost * (2.1 + rnd() * 0.6)),
    ]);
  }
  const qualified = (skill: string, level: number) => levels.filter((l) => (l.get(skill) ?? 0) >= level).length;

  const clientCount = Math.max(2, Math.round(size.staff / 8));
  const clients: Grid = [['Client', 'Account Manager', 'Contact Email', 'Status']];
  for (let c = 0; c < clientCount; c++)
    clients.push([`Client ${c + 1}`, `AM ${(c % 5) + 1}`, `contact${c + 1}@client${c + 1}.example`, 'Active']);

  const perProject = 10;
  const projectCount = Math.max(1, Math.ceil(size.tasks / perProject));
  const projects: Grid = [['Project', 'Client', 'Status', 'Priority', 'Start', 'Due', 'Value', 'Project Manager']];
  const tasks: Grid = [['Project', 'Task', 'Skills', 'Hours', 'Hours Low', 'Hours High', 'After']];
  let made = 0;
  for (let p = 0; p < projectCount && made < size.tasks; p++) {
    const name = `Project ${p + 1}`;
    const first = addDays(day0, int(0, Math.max(0, span - 60)));
    projects.push([
      name,
      `Client ${(p % clientCount) + 1}`,
      'Active',
      int(1, 5),
      dayToIso(first),
      dayToIso(addDays(first, int(45, 120))),
      int(20, 200) * 1000,
      `PM ${(p % 7) + 1}`,
    ]);
    const count = Math.min(perProject, size.tasks - made);
    for (let t = 0; t < count; t++) {
      const requirements: string[] = [];
      for (let r = rnd() < 0.3 ? 2 : 1; r > 0; r--) {
        const skill = pick(SKILLS);
        const level = int(1, 3);
        if (qualified(skill, level) === 0 || requirements.some((x) => x.startsWith(`${skill}:`))) continue;
        const crew = rnd() < 0.15 && qualified(skill, level) >= 4 ? 2 : 1;
        requirements.push(`${skill}:${level}${crew > 1 ? ` x${crew}` : ''}`);
      }
      if (!requirements.length) requirements.push(`${SKILLS[p % SKILLS.length]}:1`);
      const hours = int(4, 40);
      const after = t > 0 && rnd() < 0.7 ? [`Task ${int(Math.max(1, t - 3), t)}`] : [];
      tasks.push([
        name,
        `Task ${t + 1}`,
        requirements.join('; '),
        hours,
        Math.round(hours * 0.8),
        Math.round(hours * 1.5),
        after.join(', '),
      ]);
      made += 1;
    }
  }

  const timeOff: Grid = [['Name', 'From', 'To', 'Reason']];
  for (let k = 0; k < Math.ceil(span / 90); k++) {
    let h = addDays(day0, int(0, span));
    while (weekday(h) > 5) h = addDays(h, 1);
    timeOff.push(['All', dayToIso(h), dayToIso(h), 'Holiday']);
  }
  for (let i = 1; i < staff.length; i++) {
    if (rnd() < 0.5) {
      const from = addDays(day0, int(0, span));
      timeOff.push([staff[i][0], dayToIso(from), dayToIso(addDays(from, int(0, 9))), 'Vacation']);
    }
  }
  return {
    Clients: clients,
    Staff: staff,
    TimeOff: timeOff,
    Projects: projects,
    Tasks: tasks,
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', start],
    ],
  };
}
