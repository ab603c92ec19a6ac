// `npm start`: serves the preview on 127.0.0.1 — the sample workbook's tabs beside the real built
// sidebar, which runs the built dist/Code.js against the in-memory spreadsheet.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dateToDay, dayToIso } from '../src/model/dates';
import type { FakeSheet } from './gas/spreadsheet';
import { PAGE, SHIM } from './page';
import { type PreviewSession, type SessionOptions, startSession } from './session';

const MAX_ROWS = 400;
const MAX_COLUMNS = 200;

function display(value: unknown, format: string | undefined, timeZone: string): string {
  if (value instanceof Date) return dayToIso(dateToDay(value, timeZone));
  if (typeof value === 'number') {
    if (format?.includes('%')) return `${Math.round(value * 1000) / 10}%`;
    // A quoted prefix or suffix in a Sheets number format ("$"#,##0) is shown as written.
    const prefix = /^"([^"]*)"/.exec(format ?? '')?.[1] ?? '';
    const suffix = /"([^"]*)"$/.exec(format ?? '')?.[1] ?? '';
    const decimals = format?.includes('0.00') ? 2 : 0;
    if (format?.includes('#,##0')) {
      return `${prefix}${value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}${suffix}`;
    }
    if (decimals) return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return String(Math.round(value * 100) / 100);
  }
  return value === true ? 'TRUE' : value === false ? 'FALSE' : String(value ?? '');
}

export function sheetView(sheet: FakeSheet, timeZone: string) {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const rows = Math.min(lastRow, MAX_ROWS);
  const columns = Math.min(Math.max(lastColumn, 1), MAX_COLUMNS);
  return {
    name: sheet.name,
    columns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    widths: Array.from({ length: columns }, (_, c) => sheet.columnWidths.get(c + 1) ?? null),
    truncated: lastRow > rows || lastColumn > columns,
    rows: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const cell = sheet.cell(r + 1, c + 1);
        return {
          text: display(cell?.value, cell?.numberFormat, timeZone),
          num: typeof cell?.value === 'number',
          bg: cell?.background,
          color: cell?.fontColor,
          bold: cell?.fontWeight === 'bold',
          note: cell?.note,
          formula: cell?.formula,
        };
      }),
    ),
  };
}

async function body(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

function send(response: ServerResponse, status: number, type: string, content: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(content);
}

const json = (response: ServerResponse, value: unknown) => send(response, 200, 'application/json', JSON.stringify(value));

function writes(session: PreviewSession): number {
  return session.ss.log.calls.filter((c) => /^(set|insert|delete|move)/.test(c.method)).length;
}

export async function startPreview(
  distDir: string,
  port: number,
  options: SessionOptions = { sample: true },
): Promise<{ url: string; close: () => Promise<void>; session: () => PreviewSession }> {
  let session = await startSession(distDir, options);
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (request.method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html', PAGE);
      if (url.pathname === '/favicon.ico') return send(response, 204, 'text/plain', '');
      if (request.method === 'GET' && url.pathname === '/sidebar') {
        return send(response, 200, 'text/html', session.sidebarHtml.replace('<head>', `<head>${SHIM}`));
      }
      if (request.method === 'GET' && url.pathname === '/api/sheets') {
        return json(response, {
          active: session.ss.getActiveSheet()?.name,
          sheets: session.ss.sheets.map((s) => sheetView(s, session.ss.timeZone)),
        });
      }
      if (request.method === 'POST' && url.pathname === '/api/run') {
        const { name, args } = (await body(request)) as { name: string; args: unknown[] };
        const before = writes(session);
        try {
          const result = session.addon.run(name, args ?? []);
          const changed = writes(session) > before;
          if (changed) session.recalculate();
          return json(response, { ok: true, result, changed });
        } catch (error) {
          return json(response, { ok: false, error: (error as Error).message, changed: writes(session) > before });
        }
      }
      if (request.method === 'POST' && url.pathname === '/api/formula') {
        const {
          sheet: name,
          row,
          column,
          formula,
        } = (await body(request)) as { sheet: string; row: number; column: number; formula: string };
        const sheet = session.ss.sheets.find((s) => s.name === name);
        if (!sheet) return json(response, { ok: false, error: `No sheet ${name}` });
        const cell = sheet.edit(row, column);
        if (formula.startsWith('=')) cell.formula = formula;
        else Object.assign(cell, { formula: undefined, value: formula });
        session.recalculate();
        return json(response, { ok: true });
      }
      if (request.method === 'POST' && url.pathname === '/api/reset') {
        session = await startSession(distDir, options);
        return json(response, { ok: true });
      }
      send(response, 404, 'text/plain', 'Not found');
    } catch (error) {
      send(response, 500, 'text/plain', (error as Error).message);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    session: () => session,
  };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const port = Number(process.env.PORT ?? 8765);
  startPreview(distDir, port).then(({ url }) => console.log(`Crewsheet preview: ${url}  (Ctrl+C to stop)`));
}
