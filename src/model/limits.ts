// The sane range of every value a sheet holds, in one place. A value outside it is a slip of the
// keyboard (or a hostile sheet): it is reported at its cell instead of being planned, priced or
// drawn, and no loop over the input runs longer than these ranges allow.

import { dayOf } from './dates';

/** Hours per person on one task (Hours, Hours Low/High, Actual Hours), and ESTIMATE's hours. */
export const MAX_HOURS = 100_000;
/** Money: Value, Cost, quota Targets. */
export const MAX_AMOUNT = 1e12;
/** The smallest quota Target: 1% as a rate (smaller ones make attainment percentages overflow). */
export const MIN_TARGET = 0.01;
/** An hour's Cost Rate or Bill Rate. */
export const MAX_RATE = 1e6;
/** Hours/Week is 0 (not available) or at least this. */
export const MIN_WEEKLY_HOURS = 1;
/** Max Hours/Day below this (6 minutes) is a slip. */
export const MIN_HOURS_PER_DAY = 0.1;
export const SCOPE = { min: 0.01, max: 100 };
/** People on one task, all requirements together. */
export const MAX_CREW = 100;
/** Characters in a Skills cell, and in one skill's name. */
export const MAX_SKILLS_TEXT = 2_000;
export const MAX_NAME = 100;
/** Characters of one name in a list (After, Assignee) or an email address. */
export const MAX_LIST_ITEM = 300;
/** Characters in a Location: an address or a place name. */
export const MAX_LOCATION = 300;
/** Dates from 1900 to 2200. */
export const FIRST_DAY = dayOf(1900, 1, 1);
export const LAST_DAY = dayOf(2200, 12, 31);
/** The planning horizon: ten years from the plan start. Work that cannot fit in it is reported, not planned. */
export const HORIZON_DAYS = 3653;
export const HORIZON_YEARS = 10;
