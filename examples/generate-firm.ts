// Seeded synthetic firms of any size, in the sample workbook's sheet layout: for scale benchmarks and
// for tests that need many rows or many different workbooks. Besides plain tasks they carry what real
// sheets do: crews, dependencies, pins, part-timers, partial days off, holidays, earliest starts, due
// dates, Max Hours/Day, work in progress, finished history, proposals and templated projects, and the
// account managers' quotas with the clients' Since and the projects' Won On dates they are judged on.

import { addDays, dayOf, dayToIso, weekday } from '../src/model/dates';
import { Random } from '../src/schedule/random';

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

function personName(i: number): string {
  const suffix = Math.floor(i / (FIRST.length * LAST.length));
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${suffix ? ` ${suffix + 1}` : ''}`;
}

export function generateFirm(size: FirmSize): Record<string, Grid> {
  const random = new Random(size.seed ?? 1);
  const chance = (p: number) => random.next() < p;
  const pick = <T>(list: readonly T[]): T => list[random.int(0, list.length - 1)];
  const months = size.months ?? 12;
  const [y, m, d] = (size.start ?? '2027-01-04').split('-').map(Number);
  const day0 = dayOf(y, m, d);
  const span = Math.round(months * 30.4);
  const iso = (offset: number) => dayToIso(addDays(day0, offset));

  // Staff: each has 1–4 skills; every skill is held at level 2+ by someone.
  const levels: Map<string, number>[] = [];
  const names: string[] = [];
  const staff: Grid = [['Name', 'Role', 'Skills', 'Hours/Week', 'Work Days', 'Cost Rate', 'Bill Rate']];
  for (let i = 0; i < size.staff; i++) {
    const own = new Map<string, number>([[SKILLS[i % SKILLS.length], random.int(2, 5)]]);
    for (let k = random.int(0, 3); k > 0; k--) own.set(pick(SKILLS), random.int(1, 4));
    levels.push(own);
    names.push(personName(i));
    const partTime = chance(0.2);
    const cost = random.int(25, 70);
    staff.push([
      names[i],
      `${[...own.keys()][0]} technician`,
      [...own].map(([s, l]) => `${s}:${l}`).join(', '),
      partTime ? pick([20, 24, 32]) : 40,
      partTime && chance(0.5) ? 'Mon-Thu' : 'Mon-Fri',
      cost,
      Math.round(cost * (2.1 + random.next() * 0.6)),
    ]);
  }
  const known = new Map<string, number[]>();
  const qualified = (skill: string, level: number) => {
    const key = `${skill}:${level}`;
    if (!known.has(key))
      known.set(
        key,
        levels.flatMap((l, i) => ((l.get(skill) ?? 0) >= level ? [i] : [])),
      );
    return known.get(key) as number[];
  };

  const clientCount = Math.max(2, Math.round(size.staff / 8));
  // Since and Won On are set without drawing from the random stream, so the rest of a firm stays as it was.
  const clients: Grid = [['Client', 'Account Manager', 'Contact Email', 'Status', 'Since']];
  for (let c = 0; c < clientCount; c++)
    clients.push([
      `Client ${c + 1}`,
      `AM ${(c % 5) + 1}`,
      `contact${c + 1}@client${c + 1}.example`,
      'Active',
      c % 2 ? iso(-400 - 30 * c) : '',
    ]);

  const templates: Grid = [
    ['Type', 'Task', 'Skills', 'Hours', 'Hours Low', 'Hours High', 'After', 'Scales'],
    ['Install', 'Survey', 'Audio:2', 6, 4, 10, '', 'no'],
    ['Install', 'Build', 'Carpentry:2; Labor:1', 24, 16, 36, 'Survey', 'yes'],
    ['Install', 'Handover', '', 0, '', '', 'Build', 'no'],
  ];

  const perProject = 10;
  const projects: Grid = [
    ['Project', 'Client', 'Type', 'Status', 'Priority', 'Start', 'Due', 'Value', 'Probability', 'Project Manager', 'Scope', 'Won On'],
  ];
  const tasks: Grid = [
    [
      'Project',
      'Task',
      'Skills',
      'Hours',
      'Hours Low',
      'Hours High',
      'After',
      'Assignee',
      'Start',
      'Due',
      'Max Hours/Day',
      'Status',
      '% Done',
    ],
  ];
  let made = 0;
  for (let p = 0; made < size.tasks; p++) {
    const name = `Project ${p + 1}`;
    const first = random.int(0, Math.max(0, span - 60));
    const proposal = chance(0.1);
    const templated = chance(0.05);
    projects.push([
      name,
      `Client ${(p % clientCount) + 1}`,
      templated ? 'Install' : '',
      proposal ? 'Proposal' : 'Active',
      random.int(1, 5),
      iso(first),
      iso(first + random.int(45, 120)),
      random.int(20, 200) * 1000,
      proposal ? `${random.int(2, 8) * 10}%` : '',
      `PM ${(p % 7) + 1}`,
      templated ? pick([0.5, 1, 1.5]) : 1,
    ]);
    if (!proposal) projects[projects.length - 1].push(iso(first - 120));
    if (templated) continue;
    const count = Math.min(perProject, size.tasks - made);
    for (let t = 0; t < count; t++) {
      const requirements: { skill: string; level: number; crew: number }[] = [];
      for (let r = chance(0.3) ? 2 : 1; r > 0; r--) {
        const skill = pick(SKILLS);
        const level = random.int(1, 3);
        const people = qualified(skill, level);
        if (people.length === 0 || requirements.some((x) => x.skill === skill)) continue;
        requirements.push({ skill, level, crew: chance(0.15) && people.length >= 4 ? 2 : 1 });
      }
      if (!requirements.length) requirements.push({ skill: SKILLS[p % SKILLS.length], level: 1, crew: 1 });
      const hours = random.int(4, 40);
      const after = t > 0 && chance(0.7) ? `Task ${random.int(Math.max(1, t - 3), t)}` : '';
      const status = t === 0 && chance(0.05) ? 'Done' : !after && chance(0.05) ? 'In Progress' : 'Not Started';
      const startsAt = chance(0.1) ? first + random.int(0, 30) : undefined;
      const pinned = status === 'In Progress' || chance(0.05) ? names[pick(qualified(requirements[0].skill, requirements[0].level))] : '';
      tasks.push([
        name,
        `Task ${t + 1}`,
        requirements.map((r) => `${r.skill}:${r.level}${r.crew > 1 ? ` x${r.crew}` : ''}`).join('; '),
        hours,
        Math.round(hours * 0.8),
        Math.round(hours * 1.5),
        after,
        pinned,
        startsAt === undefined ? '' : iso(startsAt),
        chance(0.2) ? iso((startsAt ?? first) + random.int(10, 90)) : '',
        chance(0.1) ? pick([4, 6]) : '',
        status,
        status === 'In Progress' ? '30%' : '',
      ]);
      made += 1;
    }
  }

  const timeOff: Grid = [['Name', 'From', 'To', 'Hours/Day', 'Reason']];
  for (let k = 0; k < Math.ceil(span / 90); k++) {
    let h = random.int(0, span);
    while (weekday(addDays(day0, h)) > 5) h++;
    timeOff.push(['All', iso(h), iso(h), '', 'Holiday']);
  }
  for (const name of names) {
    if (chance(0.5)) {
      const from = random.int(0, span);
      timeOff.push([name, iso(from), iso(from + random.int(0, 9)), '', 'Vacation']);
    }
    if (chance(0.2)) timeOff.push([name, iso(random.int(0, span)), '', 4, 'Appointment']);
  }
  const quotas: Grid = [['Owner', 'Metric', 'Period', 'Target']];
  for (let a = 1; a <= Math.min(5, clientCount); a++) {
    quotas.push([`AM ${a}`, 'Revenue', String(y - 1), 400_000], [`AM ${a}`, 'New Clients', String(y - 1), 1]);
    quotas.push([`AM ${a}`, 'Expansion Revenue', String(y - 1), 300_000]);
  }
  return {
    Clients: clients,
    Staff: staff,
    TimeOff: timeOff,
    Projects: projects,
    Tasks: tasks,
    Templates: templates,
    Quotas: quotas,
    Settings: [
      ['Key', 'Value'],
      ['Plan Start', size.start ?? '2027-01-04'],
      ['Plan Proposals', 'yes'],
    ],
  };
}
