// The Close-out sheet through the built add-on and the in-memory spreadsheet: checkboxes as data
// validation, ticks kept on rewrite (including ticks made after the sidebar read the sheet), the sheet
// read back for quotas, and a failed write putting the checkboxes back.

import { describe, expect, it } from 'vitest';
import { FakeRange, type FakeSheet } from '../../preview/gas/spreadsheet';
import { closeoutReviews } from '../../src/closeout/review';
import { closedOut, closeoutSheet } from '../../src/closeout/sheet';
import { dayOf } from '../../src/model/dates';
import { planSchedule } from '../../src/schedule/schedule';
import { sampleAddon } from '../support/addon';
import { read, sample } from '../support/workbook';

const TODAY = dayOf(2026, 11, 23);
const { plan } = read(sample());
const OUTPUT = closeoutSheet(closeoutReviews(plan, planSchedule(plan, { includeProposals: false })), plan.settings, TODAY);

/** Where the sheet has checkboxes, and their values. */
function boxes(sheet: FakeSheet): { at: string; ticked: boolean }[] {
  const out: { at: string; ticked: boolean }[] = [];
  for (let r = 1; r <= sheet.getLastRow(); r++) {
    for (let c = 1; c <= sheet.getLastColumn(); c++) {
      const cell = sheet.cell(r, c);
      if (cell?.validation?.checkbox) out.push({ at: `${r},${c}`, ticked: cell.value === true });
    }
  }
  return out;
}

const rowOf = (sheet: FakeSheet, project: string, item: string) =>
  sheet.peek().findIndex((row) => row[0] === project && row[1] === 'Checklist' && row[2] === item) + 1;

describe('the Close-out sheet in a spreadsheet', () => {
  it('gets a checkbox on every checklist row, and only there, in one validation write', () => {
    const { ss, addon } = sampleAddon();
    addon.run('writeOutputs', [[OUTPUT]]);
    const sheet = ss.sheets.find((s) => s.name === 'Close-out') as FakeSheet;
    const checklistRows = OUTPUT.values.filter((row) => row[1] === 'Checklist').length;
    expect(boxes(sheet)).toHaveLength(checklistRows);
    expect(boxes(sheet).every((b) => b.at.endsWith(',4') && !b.ticked)).toBe(true);
    expect(ss.log.count('setDataValidations', 'Close-out')).toBe(1);
  });

  it('keeps the ticks a user made, even ones made after the sidebar read it, and reads back as complete', () => {
    const { ss, addon } = sampleAddon();
    addon.run('writeOutputs', [[OUTPUT]]);
    const sheet = ss.sheets.find((s) => s.name === 'Close-out') as FakeSheet;
    const gala = OUTPUT.values.filter((row) => row[0] === 'Civic Arts Donor Gala' && row[1] === 'Checklist').map((row) => String(row[2]));
    // The user ticks every item of the gala's checklist in the sheet, as clicking the boxes does.
    for (const item of gala) sheet.getRange(rowOf(sheet, 'Civic Arts Donor Gala', item), 4).setValue(true);
    const snapshot = addon.run('getWorkbook', []) as { closeout: unknown[][] | null };
    expect(closedOut(snapshot.closeout ?? [])).toEqual(new Set(['civic arts donor gala']));

    // The sidebar builds the next sheet from an older read (no ticks); the server keeps the sheet's.
    addon.run('writeOutputs', [[OUTPUT]]);
    expect(gala.map((item) => sheet.cell(rowOf(sheet, 'Civic Arts Donor Gala', item), 4)?.value)).toEqual(gala.map(() => true));
    expect(boxes(sheet).filter((b) => b.ticked)).toHaveLength(gala.length);
  });

  it('moves checkboxes with their rows and leaves none behind when the sheet shrinks', () => {
    const { ss, addon } = sampleAddon();
    addon.run('writeOutputs', [[OUTPUT]]);
    const shorter = { ...OUTPUT, values: OUTPUT.values.filter((row) => row[0] !== 'Helios Summer Summit') };
    addon.run('writeOutputs', [[shorter]]);
    const sheet = ss.sheets.find((s) => s.name === 'Close-out') as FakeSheet;
    expect(boxes(sheet)).toHaveLength(shorter.values.filter((row) => row[1] === 'Checklist').length);
    expect(boxes(sheet).every((b) => typeof sheet.cell(Number(b.at.split(',')[0]), 4)?.value === 'boolean')).toBe(true);
  });

  it('puts the ticks and checkboxes back when a run fails', () => {
    const { ss, addon } = sampleAddon();
    addon.run('writeOutputs', [[OUTPUT]]);
    const sheet = ss.sheets.find((s) => s.name === 'Close-out') as FakeSheet;
    sheet.getRange(rowOf(sheet, 'Helios Summer Summit', 'Show report sent to the client'), 4).setValue(true);
    const before = boxes(sheet);
    // The run's second sheet fails after the Close-out sheet was rewritten shorter (its checkboxes moved).
    const original = FakeRange.prototype.setBackgrounds;
    FakeRange.prototype.setBackgrounds = function (this: FakeRange, colors) {
      if (this.sheet.name.startsWith('Staffing')) throw new Error('Service Spreadsheets timed out');
      return original.call(this, colors);
    };
    try {
      const staffing = { name: 'Staffing', values: [['x']], backgrounds: [['#ffffff']] };
      const shorter = { ...OUTPUT, values: OUTPUT.values.filter((row) => row[0] !== 'Helios Summer Summit') };
      expect(() => addon.run('writeOutputs', [[shorter, staffing]])).toThrow(/timed out/);
    } finally {
      FakeRange.prototype.setBackgrounds = original;
    }
    expect(boxes(sheet)).toEqual(before);
  });
});
