// In-memory Drive (v3) and Sheets (v4) advanced services, as client copies
// use them: files with private app properties and permissions, spreadsheets with typed cells. Behaves
// like the real services where Crewsheet depends on it (errors included) and logs every call, so tests
// can count writes and see exactly what a client would see.

import { DRIVE_FILE_SCOPE, type FakeAuthorization } from './authorization';

const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';

export interface FakePermission {
  id: string;
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: 'owner' | 'writer' | 'commenter' | 'reader';
  emailAddress?: string;
  domain?: string;
}

/** A cell as the Sheets API stores it. */
export interface FakeCellData {
  userEnteredValue?: { stringValue?: string; numberValue?: number; boolValue?: boolean; formulaValue?: string };
  userEnteredFormat?: {
    backgroundColor?: { red?: number; green?: number; blue?: number };
    textFormat?: { bold?: boolean };
    numberFormat?: { type: string; pattern?: string };
  };
  note?: string;
}

export interface FakeTab {
  properties: {
    sheetId: number;
    title: string;
    index: number;
    hidden?: boolean;
    gridProperties: { rowCount: number; columnCount: number; frozenRowCount?: number; frozenColumnCount?: number };
  };
  rows: FakeCellData[][];
  columnWidths: Map<number, number>;
}

export interface FakeFile {
  id: string;
  name: string;
  mimeType: string;
  trashed: boolean;
  created: number;
  appProperties: Record<string, string>;
  permissions: FakePermission[];
  tabs: FakeTab[];
  /** Addresses Drive emailed a "shared with you" notice to. */
  notified: string[];
}

const CELL_KEYS = new Set(['userEnteredValue', 'userEnteredFormat', 'note']);
const VALUE_KEYS = new Set(['stringValue', 'numberValue', 'boolValue', 'formulaValue']);

function apiError(call: string, message: string): Error {
  return new Error(`API call to ${call} failed with error: ${message}`);
}

function permissionId(email: string): string {
  let h = 7;
  for (const ch of email.toLowerCase()) h = (h * 31 + (ch.codePointAt(0) as number)) % 1_000_000_007;
  return `0${String(h).padStart(19, '1')}`;
}

/** "appProperties has { key='k' and value='v' }" and "trashed = false" clauses joined by "and". */
function matches(file: FakeFile, q: string): boolean {
  const clauses = q.match(/appProperties has \{ key='([^']*)' and value='([^']*)' \}|trashed = (true|false)/g) ?? [];
  const rest = q.replace(/appProperties has \{ key='[^']*' and value='[^']*' \}|trashed = (true|false)|\band\b|\s/g, '');
  if (rest) throw apiError('drive.files.list', `Invalid Value (unsupported query: ${q})`);
  return clauses.every((clause) => {
    const app = /key='([^']*)' and value='([^']*)'/.exec(clause);
    if (app) return file.appProperties[app[1]] === app[2];
    return String(file.trashed) === clause.split('= ')[1];
  });
}

export class FakeDrive {
  readonly files = new Map<string, FakeFile>();
  /** Every service call, e.g. "Sheets.Spreadsheets.batchUpdate", with the file it touched. */
  readonly calls: { method: string; fileId?: string }[] = [];
  /** Each batchUpdate's requests, in order, for tests that look at how a copy was written. */
  readonly batches: { fileId: string; requests: Record<string, unknown>[] }[] = [];
  readonly owner = 'preview@example.com';
  /** Addresses Drive refuses to share with (e.g. no such account and no notification possible). */
  readonly refused = new Set<string>();
  private nextId = 1;
  private clock = 0;

  constructor(
    private readonly restricted: { on: boolean },
    private readonly auth: FakeAuthorization,
  ) {}

  /** Scopes the user has granted (every service's); the preview grants them all from the start. */
  get granted(): Set<string> {
    return this.auth.granted;
  }

  count(method: string, fileId?: string): number {
    return this.calls.filter((c) => c.method === method && (fileId === undefined || c.fileId === fileId)).length;
  }

  /** What a viewer of a copy sees on a sheet: its values, in rows. */
  values(fileId: string, title: string): (string | number | boolean)[][] {
    const tab = this.file('drive.files.get', fileId).tabs.find((t) => t.properties.title === title);
    if (!tab) throw new Error(`No sheet "${title}" in ${fileId}`);
    return tab.rows.map((row) =>
      row.map((c) => c.userEnteredValue?.stringValue ?? c.userEnteredValue?.numberValue ?? c.userEnteredValue?.boolValue ?? ''),
    );
  }

  private enter(method: string, fileId?: string): void {
    if (this.restricted.on) throw new Error(`You do not have permission to call ${method}`);
    this.auth.need(DRIVE_FILE_SCOPE);
    this.calls.push({ method, fileId });
  }

  private file(call: string, id: string): FakeFile {
    const file = this.files.get(id);
    if (!file) throw apiError(call, `File not found: ${id}.`);
    return file;
  }

  /** The advanced Drive service (v3), as far as client copies use it. */
  readonly drive = {
    Files: {
      create: (resource: { name?: string; mimeType?: string; appProperties?: Record<string, string> }) => {
        this.enter('Drive.Files.create');
        const id = `copy-${this.nextId++}`;
        const file: FakeFile = {
          id,
          name: resource.name ?? 'Untitled',
          mimeType: resource.mimeType ?? 'application/octet-stream',
          trashed: false,
          created: this.clock++,
          appProperties: { ...(resource.appProperties ?? {}) },
          permissions: [{ id: 'owner', type: 'user', role: 'owner', emailAddress: this.owner }],
          tabs: [],
          notified: [],
        };
        if (file.mimeType === SPREADSHEET) {
          file.tabs.push({
            properties: { sheetId: 0, title: 'Sheet1', index: 0, gridProperties: { rowCount: 1000, columnCount: 26 } },
            rows: [],
            columnWidths: new Map(),
          });
        }
        this.files.set(id, file);
        return { id, name: file.name, mimeType: file.mimeType };
      },
      get: (fileId: string, _options?: Record<string, unknown>) => {
        this.enter('Drive.Files.get', fileId);
        const file = this.file('drive.files.get', fileId);
        return { id: file.id, name: file.name, trashed: file.trashed, appProperties: { ...file.appProperties } };
      },
      list: (options: { q?: string; pageSize?: number; pageToken?: string } = {}) => {
        this.enter('Drive.Files.list');
        const all = [...this.files.values()].filter((f) => !options.q || matches(f, options.q)).sort((a, b) => a.created - b.created);
        const from = Number(options.pageToken ?? 0);
        const size = Math.min(options.pageSize ?? 100, 100);
        const page = all.slice(from, from + size);
        return {
          files: page.map((f) => ({ id: f.id, appProperties: { ...f.appProperties } })),
          nextPageToken: from + size < all.length ? String(from + size) : undefined,
        };
      },
      update: (resource: { name?: string; trashed?: boolean; appProperties?: Record<string, string | null> }, fileId: string) => {
        this.enter('Drive.Files.update', fileId);
        const file = this.file('drive.files.update', fileId);
        if (resource.name !== undefined) file.name = resource.name;
        if (resource.trashed !== undefined) file.trashed = resource.trashed;
        for (const [key, value] of Object.entries(resource.appProperties ?? {})) {
          if (value === null) delete file.appProperties[key];
          else if (new TextEncoder().encode(key + value).length > 124) {
            throw apiError('drive.files.update', `The app property ${key} is too large (key and value over 124 bytes).`);
          } else file.appProperties[key] = String(value);
        }
        if (Object.keys(file.appProperties).length > 30) throw apiError('drive.files.update', 'More than 30 app properties.');
        return { id: file.id, name: file.name, trashed: file.trashed };
      },
    },
    Permissions: {
      create: (resource: Partial<FakePermission>, fileId: string, options: { sendNotificationEmail?: boolean } = {}) => {
        this.enter('Drive.Permissions.create', fileId);
        const file = this.file('drive.permissions.create', fileId);
        const email = resource.emailAddress?.toLowerCase();
        if ((resource.type === 'user' || resource.type === 'group') && !email) {
          throw apiError('drive.permissions.create', 'Bad Request. An email address is required.');
        }
        if (email && this.refused.has(email)) throw apiError('drive.permissions.create', `Bad Request. Cannot share with ${email}.`);
        const existing = email ? file.permissions.find((p) => p.emailAddress === email) : undefined;
        if (existing) {
          existing.role = resource.role as FakePermission['role'];
          return { ...existing };
        }
        const permission: FakePermission = {
          id: email ? permissionId(email) : (resource.type as string),
          type: resource.type as FakePermission['type'],
          role: resource.role as FakePermission['role'],
          ...(email ? { emailAddress: email } : {}),
          ...(resource.domain ? { domain: resource.domain } : {}),
        };
        file.permissions.push(permission);
        if (email && options.sendNotificationEmail !== false) file.notified.push(email);
        return { ...permission };
      },
      list: (fileId: string, options: { pageSize?: number; pageToken?: string } = {}) => {
        this.enter('Drive.Permissions.list', fileId);
        const all = this.file('drive.permissions.list', fileId).permissions;
        const from = Number(options.pageToken ?? 0);
        const size = Math.min(options.pageSize ?? 100, 100);
        return {
          permissions: all.slice(from, from + size).map((p) => ({ ...p })),
          nextPageToken: from + size < all.length ? String(from + size) : undefined,
        };
      },
      remove: (fileId: string, permissionId: string) => {
        this.enter('Drive.Permissions.remove', fileId);
        const file = this.file('drive.permissions.delete', fileId);
        const at = file.permissions.findIndex((p) => p.id === permissionId);
        if (at < 0) throw apiError('drive.permissions.delete', `Permission not found: ${permissionId}.`);
        if (file.permissions[at].role === 'owner') throw apiError('drive.permissions.delete', 'The owner of a file cannot be removed.');
        file.permissions.splice(at, 1);
      },
    },
  };

  /** The advanced Sheets service (v4), as far as client copies use it. */
  readonly sheets = {
    Spreadsheets: {
      get: (spreadsheetId: string, _options?: Record<string, unknown>) => {
        this.enter('Sheets.Spreadsheets.get', spreadsheetId);
        const file = this.spreadsheet('sheets.spreadsheets.get', spreadsheetId);
        return {
          spreadsheetId,
          properties: { title: file.name },
          sheets: file.tabs.map((t) => ({ properties: structuredClone(t.properties) })),
        };
      },
      batchUpdate: (body: { requests?: Record<string, unknown>[] }, spreadsheetId: string) => {
        this.enter('Sheets.Spreadsheets.batchUpdate', spreadsheetId);
        const file = this.spreadsheet('sheets.spreadsheets.batchUpdate', spreadsheetId);
        this.batches.push({ fileId: spreadsheetId, requests: body.requests ?? [] });
        // All or nothing, as the API applies a batch.
        const draft: FakeFile = {
          ...file,
          tabs: file.tabs.map((t) => ({ ...t, properties: structuredClone(t.properties), columnWidths: new Map(t.columnWidths) })),
        };
        const replies = (body.requests ?? []).map((request) => this.apply(draft, request));
        Object.assign(file, { name: draft.name, tabs: draft.tabs });
        return { spreadsheetId, replies };
      },
    },
  };

  private spreadsheet(call: string, id: string): FakeFile {
    const file = this.file(call, id);
    if (file.mimeType !== SPREADSHEET) throw apiError(call, `This operation is not supported for this document: ${id}.`);
    return file;
  }

  private tab(file: FakeFile, sheetId: unknown): FakeTab {
    const tab = file.tabs.find((t) => t.properties.sheetId === sheetId);
    if (!tab) throw apiError('sheets.spreadsheets.batchUpdate', `Invalid requests: No grid with id: ${sheetId}`);
    return tab;
  }

  private apply(file: FakeFile, request: Record<string, unknown>): Record<string, unknown> {
    const kinds = Object.keys(request);
    if (kinds.length !== 1) throw apiError('sheets.spreadsheets.batchUpdate', 'Invalid requests: one kind per request.');
    const kind = kinds[0];
    // biome-ignore lint/suspicious/noExplicitAny: request bodies are checked field by field below
    const body = request[kind] as any;
    switch (kind) {
      case 'updateSpreadsheetProperties':
        if (body.properties?.title !== undefined) file.name = body.properties.title;
        return {};
      case 'addSheet': {
        const sheetId = body.properties?.sheetId ?? Math.max(0, ...file.tabs.map((t) => t.properties.sheetId)) + 1;
        if (file.tabs.some((t) => t.properties.sheetId === sheetId))
          throw apiError('sheets.spreadsheets.batchUpdate', `Sheet id ${sheetId} exists.`);
        let n = file.tabs.length + 1;
        while (file.tabs.some((t) => t.properties.title === `Sheet${n}`)) n++;
        const title = body.properties?.title ?? `Sheet${n}`;
        this.checkTitle(file, title, sheetId);
        const tab: FakeTab = {
          properties: { sheetId, title, index: file.tabs.length, gridProperties: { rowCount: 1000, columnCount: 26 } },
          rows: [],
          columnWidths: new Map(),
        };
        file.tabs.push(tab);
        return { addSheet: { properties: structuredClone(tab.properties) } };
      }
      case 'deleteSheet': {
        const tab = this.tab(file, body.sheetId);
        if (file.tabs.length === 1) throw apiError('sheets.spreadsheets.batchUpdate', 'You can’t remove all the sheets in a document.');
        file.tabs = file.tabs.filter((t) => t !== tab);
        return {};
      }
      case 'updateSheetProperties': {
        const tab = this.tab(file, body.properties?.sheetId);
        const fields = String(body.fields ?? '');
        const p = body.properties;
        if (/\btitle\b/.test(fields)) {
          this.checkTitle(file, p.title, tab.properties.sheetId);
          tab.properties.title = p.title;
        }
        if (/\bhidden\b/.test(fields)) tab.properties.hidden = p.hidden;
        if (/\bindex\b/.test(fields)) tab.properties.index = p.index;
        if (/gridProperties/.test(fields)) {
          const grid = { ...tab.properties.gridProperties, ...p.gridProperties };
          if ((grid.frozenRowCount ?? 0) >= grid.rowCount)
            throw apiError('sheets.spreadsheets.batchUpdate', 'You can’t freeze all visible rows on the sheet.');
          tab.properties.gridProperties = grid;
          tab.rows = tab.rows.slice(0, grid.rowCount).map((r) => r.slice(0, grid.columnCount));
        }
        return {};
      }
      case 'updateCells':
        return this.updateCells(file, body);
      case 'updateDimensionProperties': {
        const tab = this.tab(file, body.range?.sheetId);
        if (body.range.dimension !== 'COLUMNS') throw apiError('sheets.spreadsheets.batchUpdate', 'Only column widths are faked.');
        for (let c = body.range.startIndex; c < body.range.endIndex; c++) tab.columnWidths.set(c, body.properties.pixelSize);
        return {};
      }
      default:
        throw apiError('sheets.spreadsheets.batchUpdate', `Invalid requests: ${kind} is not supported here.`);
    }
  }

  private checkTitle(file: FakeFile, title: string, sheetId: number): void {
    if (file.tabs.some((t) => t.properties.title === title && t.properties.sheetId !== sheetId)) {
      throw apiError('sheets.spreadsheets.batchUpdate', `Invalid requests: A sheet with the name "${title}" already exists.`);
    }
  }

  // biome-ignore lint/suspicious/noExplicitAny: see apply
  private updateCells(file: FakeFile, body: any): Record<string, unknown> {
    const tab = this.tab(file, body.range?.sheetId);
    const range = body.range;
    if (range.startRowIndex !== undefined || range.startColumnIndex !== undefined || body.start) {
      throw apiError('sheets.spreadsheets.batchUpdate', 'Only whole-sheet updateCells is faked.');
    }
    const { rowCount, columnCount } = tab.properties.gridProperties;
    const rows = (body.rows ?? []) as { values?: FakeCellData[] }[];
    if (rows.length > rowCount || rows.some((r) => (r.values ?? []).length > columnCount)) {
      throw apiError('sheets.spreadsheets.batchUpdate', `Invalid requests: Range ('${tab.properties.title}') exceeds grid limits.`);
    }
    for (const cell of rows.flatMap((r) => r.values ?? [])) {
      const keys = Object.keys(cell);
      const valueKeys = Object.keys(cell.userEnteredValue ?? {});
      if (keys.some((k) => !CELL_KEYS.has(k)) || valueKeys.some((k) => !VALUE_KEYS.has(k)) || valueKeys.length > 1) {
        throw apiError('sheets.spreadsheets.batchUpdate', `Invalid value in CellData: ${JSON.stringify(cell)}`);
      }
    }
    // A whole-sheet range: what the rows do not cover is cleared, for the fields written.
    tab.rows = rows.map((r) => (r.values ?? []).map((c) => structuredClone(c)));
    return {};
  }
}
