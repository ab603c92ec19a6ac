// The preview server on 127.0.0.1 — the workbook's tabs beside the real built sidebar, which runs the
// built dist/Code.js against the in-memory spreadsheet. `npm start` runs it (preview/main.ts); tests
// and benchmarks start their own.

import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { dayToIso, isoToDay } from '../src/model/dates';
import type { Edit } from './edits';
import { formulaCells } from './gas/formulas';
import type { FakeSheet } from './gas/spreadsheet';
import { page, SHIM } from './page';
import { type PreviewSession, type SessionOptions, startSession } from './session';
import { sheetView, tabView, textView } from './view';

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

/** Sheets written since the call log's entry `from`. */
function written(session: PreviewSession, from: number): string[] {
  const calls = session.ss.log.calls.slice(from).filter((c) => /^(set|insert|delete|move)/.test(c.method));
  return calls.map((c) => c.sheet ?? '');
}

/** The formula cells of a sheet that wait for a recalculation, as "row,column". */
function loading(session: PreviewSession, sheet: FakeSheet): Set<string> {
  const waiting = [...session.pending, ...formulaCells(session.ss, session.changed), ...(session.computing ? [session.computing] : [])];
  return new Set(waiting.filter((f) => f.sheet === sheet).map((f) => `${f.row},${f.column}`));
}

/** The workbook as the grid draws it, with what the add-on last selected and whether formulas are due. */
function workbookView(session: PreviewSession) {
  const { ss } = session;
  const range = ss.getActiveRange();
  return {
    title: ss.name,
    active: ss.getActiveSheet()?.name,
    selection: range && {
      sheet: range.sheet.name,
      row: range.row,
      column: range.column,
      rows: range.rows,
      columns: range.columns,
      version: ss.selections,
    },
    stale: session.changed.size > 0 || session.pending.length > 0 || session.computing !== undefined,
    canUndo: session.history.canUndo,
    sheets: ss.sheets.map((s) => sheetView(s, ss.timeZone, loading(session, s))),
  };
}

/** A client copy in the in-memory Drive, as its viewer sees it; undefined when there is no such file. */
function copyView(session: PreviewSession, id: string) {
  const file = session.services.drive.files.get(id);
  if (!file || file.trashed) return undefined;
  const tabs = file.tabs.filter((t) => !t.properties.hidden).sort((a, b) => a.properties.index - b.properties.index);
  return { title: file.name, sheets: tabs.map((t) => tabView(t, session.ss.timeZone)) };
}

/** What the add-on sent: email, the Crewsheet calendars' events, and the invitations Calendar emailed. */
function outboxView(session: PreviewSession) {
  const { mail, calendar } = session.services;
  const email = [['#', 'To', 'Subject', 'Body'], ...mail.sent.map((m, i) => [String(i + 1), m.to.join(', '), m.subject, m.body])];
  const events = [
    ['Calendar', 'Event', 'Days', 'Location', 'Guests', 'Description'],
    ...[...calendar.calendars.values()].flatMap((c) =>
      calendar.events(c.id).map((e) => {
        const last = e.end.date ? dayToIso((isoToDay(e.end.date) as number) - 1) : (e.end.dateTime ?? '');
        const first = e.start.date ?? e.start.dateTime ?? '';
        return [
          `${c.summary}${c.deleted ? ' (deleted)' : ''}`,
          e.summary ?? '',
          first === last ? first : `${first} – ${last}`,
          e.location ?? '',
          e.attendees.map((a) => a.email).join(', '),
          e.description ?? '',
        ];
      }),
    ),
  ];
  const invitations = [
    ['#', 'To', 'Kind', 'Event', 'Calendar'],
    ...calendar.notices.map((n, i) => [String(i + 1), n.to, n.kind, n.summary, n.calendar]),
  ];
  return {
    title: 'Outbox',
    sheets: [
      textView('Email', email, [40, 260, 320, 600]),
      textView('Calendar', events, [220, 300, 200, 260, 320, 600]),
      textView('Invitations', invitations, [40, 260, 160, 320, 220]),
    ],
  };
}

/** Runs a sidebar call; a call that wrote leaves formulas due and the grid's undo history behind. */
function runAddon(session: PreviewSession, name: string, args: unknown[]) {
  const from = session.ss.log.calls.length;
  const selections = session.ss.selections;
  const after = () => {
    const sheets = written(session, from);
    const changed = sheets.length > 0;
    if (changed) {
      for (const sheet of sheets) session.changed.add(sheet);
      session.history.forget();
    }
    return { changed, selected: session.ss.selections !== selections };
  };
  try {
    const result = session.addon.run(name, args ?? []);
    return { ok: true, result, ...after() };
  } catch (error) {
    return { ok: false, error: (error as Error).message, ...after() };
  }
}

export async function startPreview(
  distDir: string,
  port: number,
  options: SessionOptions = { sample: true },
): Promise<{ url: string; close: () => Promise<void>; session: () => PreviewSession }> {
  let session = await startSession(distDir, options);
  const script = await readFile(join(distDir, '..', 'dist-preview', 'page.js'), 'utf8').catch(() => {
    throw new Error('dist-preview/page.js is missing: run `npm run build` first.');
  });
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const get = request.method === 'GET';
      const post = request.method === 'POST';
      const copy = /^\/(api\/)?copy\/([\w-]+)$/.exec(url.pathname);
      if (get && url.pathname === '/') return send(response, 200, 'text/html', page('workbook'));
      if (get && url.pathname === '/page.js') return send(response, 200, 'text/javascript', script);
      if (url.pathname === '/favicon.ico') return send(response, 204, 'text/plain', '');
      if (get && url.pathname === '/sidebar') {
        return send(response, 200, 'text/html', session.sidebarHtml.replace('<head>', `<head>${SHIM}`));
      }
      if (get && copy && !copy[1]) return send(response, 200, 'text/html', page('copy'));
      if (get && url.pathname === '/outbox') return send(response, 200, 'text/html', page('outbox'));
      if (get && url.pathname === '/api/outbox') return json(response, outboxView(session));
      if (get && copy) {
        const view = copyView(session, copy[2]);
        return view
          ? json(response, view)
          : send(response, 404, 'application/json', JSON.stringify({ error: 'No such copy in this preview.' }));
      }
      if (get && url.pathname === '/api/sheets') return json(response, workbookView(session));
      if (post && url.pathname === '/api/run') {
        const { name, args } = (await body(request)) as { name: string; args: unknown[] };
        return json(response, runAddon(session, name, args));
      }
      if (post && url.pathname === '/api/edit') {
        const area = session.history.apply(session.ss, (await body(request)) as unknown as Edit);
        session.changed.add(area.sheet);
        return json(response, { ok: true, area });
      }
      if (post && url.pathname === '/api/undo') {
        const area = session.history.undo(session.ss);
        if (area) session.changed.add(area.sheet);
        return json(response, { ok: true, area: area ?? null });
      }
      // One formula a call, computed in a worker thread: edits and the sidebar's calls are served meanwhile.
      if (post && url.pathname === '/api/recalculate') return json(response, { ok: true, more: await session.recalculateNext() });
      if (post && url.pathname === '/api/reset') {
        session.close();
        session = await startSession(distDir, options);
        return json(response, { ok: true });
      }
      send(response, 404, 'text/plain', 'Not found');
    } catch (error) {
      send(response, 500, 'application/json', JSON.stringify({ ok: false, error: (error as Error).message }));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    close: () =>
      new Promise((resolve) => {
        session.close();
        server.close(() => resolve());
      }),
    session: () => session,
  };
}
