// The preview page's script. On "/", the workbook: tabs, the grid to type into, Undo, and formulas that
// recalculate after each change (the grid says so while they do); it follows the sheet and cells the
// add-on activates. On "/copy/<id>", a client copy from the in-memory Drive, read-only.

import type { Area } from '../edits';
import type { SheetView } from '../view';
import { Editing } from './editing';
import { Grid, type Point } from './grid';

interface WorkbookReply {
  title: string;
  active?: string;
  selection: (Area & { version: number }) | null;
  stale: boolean;
  canUndo: boolean;
  sheets: SheetView[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const reply = await response.json();
  if (!response.ok || reply.ok === false) throw new Error(reply.error ?? `${response.status} ${response.statusText}`);
  return reply as T;
}

const state = { sheets: [] as SheetView[], active: undefined as string | undefined };

/** Makes another sheet the one shown; a cell being typed into is entered first, into its own sheet, as in Sheets. */
function activate(name: string | undefined): void {
  if (name !== state.active) editing?.commit(0, 0);
  state.active = name;
}
const grid = new Grid($('grid'), () => {
  $('address').textContent = grid.address();
  if (editing) editing.selected();
  else ($('formula') as HTMLInputElement).value = grid.cell(grid.anchor.row, grid.anchor.column).text;
});

/** The sheet tabs; drawn again only when the sheets change, so a tab being clicked stays put. */
let drawnTabs = '';
function drawTabs(): void {
  const tabs = $('tabs');
  const names = JSON.stringify(state.sheets.map((s) => s.name));
  if (names !== drawnTabs) {
    drawnTabs = names;
    tabs.textContent = '';
    for (const sheet of state.sheets) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = sheet.name;
      button.onclick = () => {
        activate(sheet.name);
        drawTabs();
        const shown = state.sheets.find((s) => s.name === sheet.name);
        if (shown) grid.show(shown);
      };
      tabs.appendChild(button);
    }
  }
  for (const button of tabs.querySelectorAll('button')) button.setAttribute('aria-selected', String(button.textContent === state.active));
}

function showSheets(sheets: SheetView[], active?: string): void {
  state.sheets = sheets;
  if (active) activate(active);
  if (!sheets.some((s) => s.name === state.active)) activate(sheets[0]?.name);
  drawTabs();
  const sheet = sheets.find((s) => s.name === state.active);
  if (sheet) grid.show(sheet);
}

/** A client copy as its viewer sees it, or the Outbox: the same grid, nothing to type into. */
async function openReadOnly(path: string): Promise<void> {
  try {
    const copy = await call<{ title: string; sheets: SheetView[] }>('GET', path);
    document.title = copy.title;
    $('title').textContent = copy.title;
    showSheets(copy.sheets);
  } catch (error) {
    $('title').textContent = (error as Error).message;
  }
}

let editing: Editing | undefined;
let shownSelection = 0;
let recalculating = false;

async function refresh(thenRecalculate = true): Promise<void> {
  const reply = await call<WorkbookReply>('GET', '/api/sheets');
  // Follow the spreadsheet when the add-on activates a sheet it wrote, as Sheets would.
  const moved = reply.active !== shownActive;
  shownActive = reply.active;
  ($('undo') as HTMLButtonElement).disabled = !reply.canUndo;
  showSheets(reply.sheets, moved ? reply.active : undefined);
  const selection = reply.selection;
  if (selection && selection.version !== shownSelection) {
    shownSelection = selection.version;
    const sheet = reply.sheets.find((s) => s.name === selection.sheet);
    if (sheet) {
      activate(sheet.name);
      drawTabs();
      grid.show(sheet);
      const top = selection.row - 1;
      const left = selection.column - 1;
      grid.reveal({ top, left, bottom: top + selection.rows - 1, right: left + selection.columns - 1 });
      grid.root.focus();
    }
  }
  if (reply.stale && thenRecalculate) void recalculate();
}
let shownActive: string | undefined;

/** The sidebar has loaded: recalculating before would keep the add-on's first calls waiting. */
const sidebarLoaded = new Promise<void>((resolve) => {
  const frame = document.getElementById('sidebar') as HTMLIFrameElement | null;
  const loaded = frame?.contentDocument?.readyState === 'complete' && frame.contentDocument.URL.endsWith('/sidebar');
  if (!frame || loaded) resolve();
  else frame.addEventListener('load', () => resolve(), { once: true });
});

/** Formulas recalculate after every change; the grid shows "Loading…" in them and the bar says so. */
async function recalculate(): Promise<void> {
  if (recalculating) return;
  recalculating = true;
  await sidebarLoaded;
  $('status').textContent = 'Calculating formulas…';
  $('grid').setAttribute('aria-busy', 'true');
  try {
    // One formula a call, so edits typed meanwhile go in between.
    while ((await call<{ more: boolean }>('POST', '/api/recalculate')).more) await refresh(false);
  } finally {
    recalculating = false;
    $('status').textContent = '';
    $('grid').removeAttribute('aria-busy');
  }
  await refresh();
}

/** Edits go to the server one at a time, in the order typed. */
let queue: Promise<unknown> = Promise.resolve();
function serially(task: () => Promise<void>): Promise<void> {
  const next = queue.then(task).catch((error: Error) => {
    $('error').textContent = error.message;
  });
  queue = next;
  return next;
}

async function edit(values: string[][], at: Point): Promise<void> {
  const sheet = state.active;
  if (!sheet) return;
  await serially(async () => {
    $('error').textContent = '';
    await call('POST', '/api/edit', { sheet, row: at.row + 1, column: at.column + 1, values });
    await refresh();
  });
}

async function undo(): Promise<void> {
  await serially(async () => {
    const { area } = await call<{ area: Area | null }>('POST', '/api/undo');
    await refresh();
    if (!area) return;
    const sheet = state.sheets.find((s) => s.name === area.sheet);
    if (sheet && sheet.name !== state.active) {
      activate(sheet.name);
      drawTabs();
      grid.show(sheet);
    }
    grid.select({ row: area.row - 1, column: area.column - 1 });
    grid.select({ row: area.row + area.rows - 2, column: area.column + area.columns - 2 }, true);
    grid.root.focus();
  });
}

function openWorkbook(): void {
  editing = new Editing(grid, $('formula'), { edit, undo });
  $('undo').onclick = () => void undo();
  $('reset').onclick = () =>
    void serially(async () => {
      await call('POST', '/api/reset');
      await refresh();
    });
  window.addEventListener('message', (event) => {
    if (event.data?.type === 'crewsheet:changed') void serially(refresh);
  });
  void serially(refresh);
}

const mode = document.body.dataset.mode;
if (mode === 'copy') void openReadOnly(`/api/copy/${encodeURIComponent(location.pathname.split('/').pop() ?? '')}`);
else if (mode === 'outbox') void openReadOnly('/api/outbox');
else openWorkbook();
