// The optional Settings sheet: two columns, Key and Value, one setting a row.

import { date, normalizeName, number, oneOf, percent, text, yesNo } from './cells';
import { def, opt, type RowOf, readFields, sheetSpec } from './columns';

/** How a re-plan treats the published plan (see src/schedule/replan.ts). */
export const REPLAN_MODES = ['Keep', 'Balanced', 'Free'] as const;
export type ReplanMode = (typeof REPLAN_MODES)[number];

export const Settings = sheetSpec('Settings', {
  planStart: opt('Plan Start', date, { note: 'First day to plan from (default: today).', format: 'date' }),
  currency: def('Currency', text, 'USD', { note: 'Currency code or symbol shown on money columns (default USD).' }),
  targetMargin: def('Target Margin %', percent({ max: 0.95 }), 0.3, {
    aliases: ['Target Margin', 'Margin'],
    note: 'Margin priced on top of cost where a person has no Bill Rate (default 30%).',
    format: 'percent',
  }),
  coverage: def('Coverage', percent({ above: 0, max: 0.99 }), 0.8, {
    note: 'How often budget ranges should hold the actual (default 0.8 = 80%).',
    format: 'percent',
  }),
  clientViewNames: def('Client View Names', oneOf(['Names', 'Roles'] as const), 'Names', {
    choices: ['Names', 'Roles'],
    note: 'Names: clients see who does the work. Roles: they see roles only.',
  }),
  iterations: def('Iterations', number({ min: 0, max: 1_000_000, integer: true }), 20_000, {
    note: 'How hard the Plan panel searches for a better plan: iterations per search, one search per processor core (default 20000, at most a million task placements each). Formulas in cells search briefly, to answer at once.',
    format: 'number',
  }),
  planProposals: def('Plan Proposals', yesNo, false, {
    aliases: ['Tentative Proposals', 'Include Proposals'],
    choices: ['yes', 'no'],
    note: 'yes: plan proposals tentatively, after won work, to see when they could be delivered.',
  }),
  replan: def('Replan', oneOf(REPLAN_MODES, { Stable: 'Keep', NonDisruptive: 'Balanced', Fresh: 'Free' }), 'Balanced', {
    aliases: ['Replan Mode', 'Re-plan'],
    choices: REPLAN_MODES,
    note: 'Against the published plan (Baseline): Keep moves only what a change forces; Balanced (default) also moves work when that saves more lateness than the disruption costs; Free plans afresh.',
  }),
  freezeDays: def('Freeze Days', number({ min: 0, max: 260, integer: true }), 5, {
    aliases: ['Freeze', 'Freeze Window'],
    note: 'Working days from the plan start in which published work does not move unless it has become impossible (default 5).',
    format: 'number',
  }),
  clientLateWording: def('Client Late Wording', oneOf(['Rescheduled', 'Late'] as const), 'Rescheduled', {
    aliases: ['Late Projects Shown As'],
    choices: ['Rescheduled', 'Late'],
    note: 'How client copies name a project planned past its due date: "Rescheduled to <date>" (default) or "Late".',
  }),
  onTimeNeedsCloseout: def('On Time Needs Close-out', yesNo, false, {
    aliases: ['On-Time Needs Close-out', 'Close-out Before On Time'],
    choices: ['yes', 'no'],
    note: 'yes: the Quotas panel counts a delivered project on time only once its Close-out checklist is all ticked (default no).',
  }),
  showPricesToClients: def('Show Prices to Clients', yesNo, false, {
    aliases: ['Client View Prices', 'Share Prices'],
    choices: ['yes', 'no'],
    note: 'yes: client copies show the agreed price of won projects (default no).',
  }),
});

export type SettingsValues = Omit<RowOf<typeof Settings>, 'row'>;

export type SettingKey = keyof SettingsValues;

/** Finds the setting a key cell names, by header or alias, ignoring case and punctuation. */
export function settingKey(label: string): SettingKey | undefined {
  const n = normalizeName(label);
  for (const [key, column] of Object.entries(Settings.columns)) {
    if (normalizeName(column.header) === n || column.aliases?.some((a) => normalizeName(a) === n)) {
      return key as SettingKey;
    }
  }
  return undefined;
}

/** Every setting at its default, as a workbook without a Settings sheet gets. */
export function defaultSettings(): SettingsValues {
  return readFields(Settings.columns, () => undefined).values as SettingsValues;
}
