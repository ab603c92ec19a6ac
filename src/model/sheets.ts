// The input sheets of a Crewsheet workbook, as DESIGN.md lists them.

import {
  date,
  email,
  emails,
  items,
  list,
  location,
  MON_TO_FRI,
  number,
  oneOf,
  percent,
  period,
  requirements,
  skills,
  target,
  text,
  workDays,
  yesNo,
  zeroOr,
} from './cells';
import { def, opt, type RowOf, req, sheetSpec } from './columns';
import { MAX_AMOUNT, MAX_HOURS, MAX_RATE, MIN_HOURS_PER_DAY, MIN_WEEKLY_HOURS, SCOPE } from './limits';

const hours = number({ min: 0, max: MAX_HOURS });
const money = number({ min: 0, max: MAX_AMOUNT });
const rate = number({ min: 0, max: MAX_RATE });

export const CLIENT_STATUSES = ['Active', 'Prospect', 'Former'] as const;
export const PROJECT_STATUSES = ['Proposal', 'Won', 'Active', 'On Hold', 'Done', 'Lost'] as const;
export const TASK_STATUSES = ['Not Started', 'In Progress', 'Done'] as const;
export const METRICS = [
  'Revenue',
  'Expansion Revenue',
  'New Clients',
  'On-Time Projects',
  'On-Time Rate',
  'Delivered Value',
  'Billable Hours',
] as const;
export const YES_NO = ['yes', 'no'] as const;

export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type Metric = (typeof METRICS)[number];

const notes = { aliases: ['Note', 'Comments', 'Comment'], note: 'Internal notes. Never shown to clients.' };
const where = (note: string) => opt('Location', location, { aliases: ['Site', 'Venue', 'Where', 'Address'], note });

export const Clients = sheetSpec('Clients', {
  client: req('Client', text, { aliases: ['Client Name', 'Name', 'Account'], note: 'Client name, unique.' }),
  accountManager: opt('Account Manager', text, { aliases: ['AM', 'Account Owner'], note: 'Who owns the relationship.' }),
  contactEmail: def('Contact Email', emails, [], {
    aliases: ['Contact Emails', 'Emails', 'Email', 'Contact'],
    note: 'Client contacts who receive the shared plan, comma-separated.',
  }),
  status: def('Status', oneOf(CLIENT_STATUSES), 'Active', { choices: CLIENT_STATUSES, note: 'Active, Prospect or Former.' }),
  since: opt('Since', date, { aliases: ['Client Since'], note: 'First day as a client (a date).', format: 'date' }),
  notes: opt('Notes', text, notes),
});

export const Staff = sheetSpec('Staff', {
  name: req('Name', text, { aliases: ['Staff', 'Person', 'Full Name'], note: 'Person name, unique.' }),
  email: opt('Email', email, { aliases: ['E-mail'], note: 'Work email.' }),
  role: opt('Role', text, { aliases: ['Title', 'Job Title'], note: 'Role shown to clients when names are hidden.' }),
  skills: req('Skills', skills, {
    note: 'Skills with levels 1 (basic) to 5 (expert), e.g. "LED:3, Rigging:2, Labor". No level = 1.',
  }),
  hoursPerWeek: def('Hours/Week', zeroOr({ min: MIN_WEEKLY_HOURS, max: 168 }), 40, {
    aliases: ['Weekly Hours', 'Hours per Week', 'Capacity', 'Hours'],
    note: 'Working hours per week (default 40). Part-timers have fewer.',
    format: 'number',
  }),
  workDays: def('Work Days', workDays, MON_TO_FRI, {
    aliases: ['Working Days', 'Days'],
    note: 'Weekdays worked, e.g. "Mon-Fri" (default) or "Mon, Wed, Fri".',
  }),
  costRate: opt('Cost Rate', rate, {
    aliases: ['Cost/Hour', 'Cost per Hour', 'Hourly Cost', 'Cost'],
    note: 'What an hour of this person costs the firm. Internal.',
    format: 'money',
  }),
  billRate: opt('Bill Rate', rate, {
    aliases: ['Bill/Hour', 'Billing Rate', 'Rate', 'Hourly Rate'],
    note: 'What an hour is billed to clients. Internal.',
    format: 'money',
  }),
  startDate: opt('Start Date', date, { aliases: ['Start', 'Joined'], note: 'First working day, if in the future.', format: 'date' }),
  endDate: opt('End Date', date, { aliases: ['End', 'Leaves', 'Last Day'], note: 'Last working day, if leaving.', format: 'date' }),
  notes: opt('Notes', text, notes),
});

export const TimeOff = sheetSpec(
  'TimeOff',
  {
    name: req('Name', text, { aliases: ['Person', 'Staff', 'Who'], note: 'A staff name, or "All" for company holidays.' }),
    from: req('From', date, { aliases: ['Start', 'Date', 'First Day'], note: 'First day off.', format: 'date' }),
    to: opt('To', date, { aliases: ['End', 'Until', 'Last Day'], note: 'Last day off (default: From).', format: 'date' }),
    hoursPerDay: opt('Hours/Day', number({ above: 0, max: 24 }), {
      aliases: ['Hours Off', 'Hours per Day', 'Hours'],
      note: 'Hours off per day for a partial day (default: the whole day).',
      format: 'number',
    }),
    reason: opt('Reason', text, { aliases: ['Notes', 'Note'], note: 'Why. Never shown to clients.' }),
  },
  ['Time Off', 'Holidays', 'Leave'],
);

export const Projects = sheetSpec('Projects', {
  project: req('Project', text, { aliases: ['Project Name', 'Name'], note: 'Project name, unique.' }),
  client: req('Client', text, { aliases: ['Account', 'Customer'], note: 'A client from the Clients sheet.' }),
  type: opt('Type', text, {
    aliases: ['Template', 'Project Type'],
    note: 'A Type from Templates; planned from it when the project has no tasks.',
  }),
  status: def(
    'Status',
    oneOf(PROJECT_STATUSES, { OnHold: 'On Hold', Hold: 'On Hold', InProgress: 'Active', Complete: 'Done', Completed: 'Done' }),
    'Active',
    {
      choices: PROJECT_STATUSES,
      note: 'Proposal, Won, Active, On Hold, Done or Lost.',
    },
  ),
  priority: def('Priority', number({ min: 1, max: 5, integer: true }), 3, {
    aliases: ['Prio'],
    note: '1 (highest) to 5; default 3.',
    choices: ['1', '2', '3', '4', '5'],
    format: 'number',
  }),
  start: opt('Start', date, {
    aliases: ['Start Date', 'Not Before', 'Earliest Start'],
    note: 'Work starts no earlier than this date.',
    format: 'date',
  }),
  due: opt('Due', date, { aliases: ['Due Date', 'Deadline'], note: 'Date the project must be finished by.', format: 'date' }),
  value: opt('Value', money, {
    aliases: ['Fee', 'Price', 'Contract Value', 'Amount'],
    note: 'Agreed (or proposed) price. Internal.',
    format: 'money',
  }),
  probability: opt('Probability', percent(), {
    aliases: ['Win Probability', 'Chance'],
    note: 'For proposals: chance of winning, e.g. 60%.',
    format: 'percent',
  }),
  expectedClose: opt('Expected Close', date, {
    aliases: ['Close Date', 'Expected Close Date'],
    note: 'For proposals: when a decision is expected.',
    format: 'date',
  }),
  wonOn: opt('Won On', date, { aliases: ['Won', 'Won Date', 'Signed'], note: 'Date the work was won.', format: 'date' }),
  doneOn: opt('Done On', date, {
    aliases: ['Done Date', 'Completed On', 'Delivered On'],
    note: 'Date the project was delivered.',
    format: 'date',
  }),
  accountManager: opt('Account Manager', text, { aliases: ['AM', 'Account Owner'], note: 'Owner of the sale (for quotas).' }),
  projectManager: opt('Project Manager', text, { aliases: ['PM'], note: 'Owner of delivery (for quotas).' }),
  scope: def('Scope', number(SCOPE), 1, {
    aliases: ['Scope Factor', 'Size'],
    note: 'Size factor for work marked Scales (default 1; 0.5 = half).',
    format: 'number',
  }),
  notes: opt('Notes', text, notes),
  location: where(
    'Where the crew works: the client’s site (an address) or the shop. Shown on the Schedule and in staff calendars and emails; never to clients.',
  ),
});

const threePoint = {
  hoursLow: opt('Hours Low', hours, {
    aliases: ['Low', 'Optimistic', 'Min Hours'],
    note: 'Optimistic hours per person.',
    format: 'number',
  }),
  hoursHigh: opt('Hours High', hours, {
    aliases: ['High', 'Pessimistic', 'Max Hours'],
    note: 'Pessimistic hours per person.',
    format: 'number',
  }),
};

const scales = def('Scales', yesNo, false, {
  aliases: ['Scalable', 'Scales With Scope'],
  choices: YES_NO,
  note: 'yes: hours scale with the project Scope.',
});

export const Tasks = sheetSpec('Tasks', {
  project: req('Project', text, { note: 'A project from the Projects sheet.' }),
  task: req('Task', text, { aliases: ['Task Name', 'Name', 'Activity'], note: 'Task name, unique within its project.' }),
  skills: def('Skills', requirements, [], {
    aliases: ['Requirements', 'Skills Needed', 'Crew'],
    note: 'People needed, each a distinct person: "Rigging:3 x2; LED:2" = two riggers at level 3+ and one LED tech at 2+. Blank only for a 0-hour milestone.',
  }),
  hours: req('Hours', hours, {
    aliases: ['Estimate', 'Hours Each', 'Effort'],
    note: 'Working hours per person (0 = milestone).',
    format: 'number',
  }),
  ...threePoint,
  after: def('After', list, [], {
    aliases: ['Depends On', 'Predecessors', 'Dependencies'],
    note: 'Tasks that must finish first, comma-separated; "Project/Task" for another project.',
  }),
  assignee: def('Assignee', list, [], {
    aliases: ['Assigned To', 'Pinned', 'Who', 'People'],
    note: 'Pin to named people (comma-separated for a crew).',
  }),
  start: opt('Start', date, {
    aliases: ['Not Before', 'Earliest Start', 'Start Date'],
    note: 'Starts no earlier than this date.',
    format: 'date',
  }),
  due: opt('Due', date, { aliases: ['Due Date', 'Deadline'], note: 'Must finish by this date.', format: 'date' }),
  maxHoursPerDay: opt('Max Hours/Day', number({ min: MIN_HOURS_PER_DAY, max: 24 }), {
    aliases: ['Max Hours per Day', 'Max/Day', 'Hours/Day'],
    note: 'Cap on hours per person per day.',
    format: 'number',
  }),
  status: def(
    'Status',
    oneOf(TASK_STATUSES, {
      Todo: 'Not Started',
      Open: 'Not Started',
      Started: 'In Progress',
      Doing: 'In Progress',
      Complete: 'Done',
      Completed: 'Done',
    }),
    'Not Started',
    {
      choices: TASK_STATUSES,
      note: 'Not Started, In Progress or Done.',
    },
  ),
  percentDone: opt('% Done', percent(), {
    aliases: ['Percent Done', 'Progress', 'Done %'],
    note: 'Share of the work done, for tasks in progress.',
    format: 'percent',
  }),
  actualHours: opt('Actual Hours', hours, {
    aliases: ['Actual', 'Hours Spent', 'Spent'],
    note: 'Hours actually spent per person (done or so far).',
    format: 'number',
  }),
  doneOn: opt('Done On', date, { aliases: ['Completed On', 'Finished'], note: 'Date the task was finished.', format: 'date' }),
  scales,
  milestone: def('Milestone', yesNo, false, { choices: YES_NO, note: 'yes: show as a milestone on timelines.' }),
  notes: opt('Notes', text, notes),
  checklist: def('Checklist', items, [], {
    aliases: ['Close-out Checklist'],
    note: 'What to check when the project is done, items separated by ";". They go to its Close-out sheet.',
  }),
  location: where('Where this task is done, when not at its project’s Location (e.g. the shop for a build).'),
});

export const Templates = sheetSpec('Templates', {
  type: req('Type', text, { aliases: ['Template', 'Project Type'], note: 'Template name, used in Projects > Type.' }),
  task: req('Task', text, { aliases: ['Task Name', 'Name'], note: 'Task name, unique within its template.' }),
  skills: def('Skills', requirements, [], { aliases: ['Requirements', 'Crew'], note: 'As in Tasks: "Rigging:3 x2; LED:2".' }),
  hours: req('Hours', hours, { aliases: ['Estimate', 'Effort'], note: 'Hours per person at Scope 1.', format: 'number' }),
  ...threePoint,
  after: def('After', list, [], { aliases: ['Depends On', 'Predecessors'], note: 'Tasks of this template that must finish first.' }),
  scales,
  checklist: def('Checklist', items, [], {
    aliases: ['Close-out Checklist'],
    note: 'What to check when a project of this type is done, items separated by ";". They go to its Close-out sheet.',
  }),
});

export const Costs = sheetSpec('Costs', {
  project: req('Project', text, { note: 'A project from the Projects sheet.' }),
  item: req('Item', text, { aliases: ['Description', 'Cost Item', 'Name'], note: 'What is bought or rented.' }),
  cost: req('Cost', money, { aliases: ['Amount', 'Cost Likely'], note: 'Likely cost. Internal.', format: 'money' }),
  costLow: opt('Cost Low', money, { aliases: ['Low'], note: 'Optimistic cost.', format: 'money' }),
  costHigh: opt('Cost High', money, { aliases: ['High'], note: 'Pessimistic cost.', format: 'money' }),
  scales,
  markup: def('Markup %', percent({ max: 10 }), 0, {
    aliases: ['Markup'],
    note: 'Added on top when pricing, e.g. 15%.',
    format: 'percent',
  }),
});

export const Quotas = sheetSpec('Quotas', {
  owner: req('Owner', text, { aliases: ['Name', 'Who', 'Manager'], note: 'Account manager, project manager or staff member.' }),
  metric: req('Metric', oneOf(METRICS, { OnTime: 'On-Time Projects', Expansion: 'Expansion Revenue', Hours: 'Billable Hours' }), {
    choices: METRICS,
    note: METRICS.join(', '),
  }),
  period: req('Period', period, { note: '2026, 2026-Q4, 2026-11 or 2026-10-01..2026-12-31.', format: 'text' }),
  target: req('Target', target, { aliases: ['Goal', 'Quota'], note: 'Target for the period (a rate as 90%).', format: 'number' }),
});

export const INPUT_SHEETS = [Clients, Staff, TimeOff, Projects, Tasks, Templates, Costs, Quotas] as const;

export type ClientRow = RowOf<typeof Clients>;
export type StaffRow = RowOf<typeof Staff>;
export type TimeOffRow = RowOf<typeof TimeOff>;
export type ProjectRow = RowOf<typeof Projects>;
export type TaskRow = RowOf<typeof Tasks>;
export type TemplateRow = RowOf<typeof Templates>;
export type CostRow = RowOf<typeof Costs>;
export type QuotaRow = RowOf<typeof Quotas>;
