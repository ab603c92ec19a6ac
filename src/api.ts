// The contract between the sidebar and the Apps Script side: what each server call takes and returns.
// Only plain data crosses (google.script.run drops Dates): dates travel as DateCell ISO days.

import type { Cell, OutputSheetName, SheetOutput } from './model/output';
import type { SampleSheets } from './model/setup';
import type { SharedTask } from './share/planned';
import type { ShareRecord } from './share/shares';

export interface WorkbookSnapshot {
  spreadsheetName: string;
  timeZone: string;
  /** The spreadsheet's locale: dates typed as text are read as it writes them. */
  locale: string;
  /** Today in the spreadsheet's time zone, ISO. */
  today: string;
  /** Every input tab's values, dates as DateCell. */
  sheets: Record<string, Cell[][]>;
  /** The Baseline sheet's values (the published plan), when there is one. */
  baseline?: Cell[][];
  /** The Close-out sheet Crewsheet wrote, if any: its ticks are kept when it is written again and count for quotas. */
  closeout: Cell[][] | null;
}

export interface WriteReport {
  /** Each output and the tab it went to: its own name, unless a sheet of the user's already has it. */
  written: { name: string; sheet: string; rows: number; columns: number }[];
  /** What the user should know, e.g. that their own sheet named Schedule was left alone. */
  notes: string[];
}

export interface SetUpReport {
  created: string[];
  filled: string[];
}

/** Whether Crewsheet may create and share files in the user's Drive (asked the first time Share is used). */
export interface ShareAccess {
  granted: boolean;
  /** Where the user grants it, when not granted yet. */
  authorizationUrl: string | null;
}

export interface ShareRequest {
  clients: string[];
  /** The plan's facts for these clients' tasks; the server re-reads everything else from the sheets. */
  planned: SharedTask[];
}

export interface RevokeRequest {
  clients: string[];
}

export interface ShareOutcome {
  client: string;
  ok: boolean;
  /** What happened, in words, or why nothing was shared. */
  message: string;
  /** The copy, when there is one. */
  url?: string;
  sharedWith: string[];
}

export interface ShareReport {
  outcomes: ShareOutcome[];
}

/** A staff calendar event, as the Plan panel asks for it: one per task in the coming weeks. */
export interface AgendaEvent {
  /** The task's fingerprint: the same task keeps its event from one publish to the next. */
  key: string;
  title: string;
  location: string;
  description: string;
  /** First and last day, ISO, in the spreadsheet's time zone. */
  start: string;
  end: string;
  /** Staff emails, each invited as a guest. */
  guests: string[];
}

export interface StaffMail {
  to: string;
  subject: string;
  body: string;
}

/** Why a client's date moved, in words fit for the client (see notify/client-summary.ts). */
export type ClientReason =
  | 'team'
  | 'start'
  | 'estimate'
  | 'follows'
  | 'other work'
  | 'plan'
  | 'new'
  | 'to be confirmed'
  | 'paused'
  | 'removed';

export interface ClientMove {
  project: string;
  task: string;
  /** ISO days, as published and as planned now; absent when there were (are) none. */
  before?: { start: string; end: string };
  after?: { start: string; end: string };
  reasons: ClientReason[];
}

/** What moved for one client; the server checks it against the sheets and writes the email itself. */
export interface ClientSummary {
  client: string;
  moves: ClientMove[];
}

export interface NotifyRequest {
  /** The events the Crewsheet calendar should hold from today on; `newCalendar` starts a new calendar. */
  calendar?: { events: AgendaEvent[]; newCalendar?: boolean };
  staffMail?: StaffMail[];
  clientMail?: ClientSummary[];
}

export interface NotifyAccess {
  calendar: ShareAccess;
  mail: ShareAccess;
}

export interface ChannelOutcome {
  channel: string;
  /** What was done, in words: "12 events created, 3 updated, 1 removed, 20 unchanged." */
  done: string;
  /** Each failure: what, and why. */
  failed: string[];
  /** Why the rest was not attempted, and that it is kept for the next try. */
  stopped?: string;
}

export interface NotifyReport {
  outcomes: ChannelOutcome[];
  /** The remembered calendar is gone: the panel offers to start a new one. */
  calendarMissing?: boolean;
}

export interface SidebarApi {
  /** One read of every sheet. */
  getWorkbook(): WorkbookSnapshot;
  /** Rewrites the given output sheets in place, all or none, each in one values write; refuses any other sheet. */
  writeOutputs(outputs: SheetOutput[]): WriteReport;
  /** Creates missing input sheets; with sample rows, fills an empty workbook with them. */
  setUpSheets(options: { sample?: SampleSheets }): SetUpReport;
  /** Selects the cell or range a message names ("Tasks!D20"), so the user sees it. */
  showRange(a1: string): void;
  /** The Shares sheet's rows: each client's copy, who it is shared with, when it was refreshed. */
  getShares(): ShareRecord[];
  /** Whether Share may use Drive yet, and where to allow it. */
  shareAccess(): ShareAccess;
  /** Creates or refreshes each client's copy and shares it view-only with the client's contacts. */
  shareClients(request: ShareRequest): ShareReport;
  /** Removes the viewers Share added to each client's copy. */
  revokeClients(request: RevokeRequest): ShareReport;
  /** Whether staff calendars and email may be used yet, and where to allow each. */
  notifyAccess(): NotifyAccess;
  /** Sends what is new of the published plan: calendar events, staff emails, client summaries. */
  sendNotifications(request: NotifyRequest): NotifyReport;
}

export type { OutputSheetName, SharedTask, ShareRecord };
