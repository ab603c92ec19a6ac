// Client copies in Drive, through the advanced Drive service (v3). With the drive.file scope Crewsheet
// can open only the files it created itself. A copy carries private marks (app properties, which only
// Crewsheet can read, never a viewer): the spreadsheet it was made from, the client it was made for,
// and the ids of the viewers Crewsheet added, so Revoke removes exactly those and no one else.

import { fingerprint } from '../../notify/fingerprint';

type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type Permission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;

/** Per-file access to files Crewsheet creates; nothing else in the user's Drive. */
export const DRIVE_FILE_SCOPE = 'https://www.googleapis.com/auth/drive.file';
export const SHARE_SCOPES = [DRIVE_FILE_SCOPE];

const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';
const SOURCE = 'crewsheetSource';
const CLIENT = 'crewsheetClient';
const VIEWERS = 'crewsheetViewers';
/** Drive allows 124 bytes for an app property's key and value together. */
const PROPERTY_BYTES = 124;

export interface CopyFile {
  id: string;
  /** Permission ids of the viewers Crewsheet added. */
  viewerIds: string[];
  /** App properties those ids take now. */
  viewerKeys: number;
}

function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new Error('Sharing needs the Drive API advanced service, which is not enabled for this script.');
  }
  return Drive;
}

/** A short, stable mark for a client (names may be longer than an app property holds). */
export const clientMark = fingerprint;

function copyFile(file: File): CopyFile {
  const properties = (file.appProperties ?? {}) as Record<string, string>;
  const keys = Object.keys(properties)
    .filter((k) => k.startsWith(VIEWERS))
    .sort((a, b) => Number(a.slice(VIEWERS.length)) - Number(b.slice(VIEWERS.length)));
  const viewerIds = keys.flatMap((k) => String(properties[k]).split(',')).filter(Boolean);
  return { id: file.id as string, viewerIds, viewerKeys: keys.length };
}

/** Every live copy made from this spreadsheet (by the current user), by client mark; the oldest wins. */
export function findCopies(sourceId: string): Map<string, CopyFile> {
  if (!/^[\w-]+$/.test(sourceId)) throw new Error(`Unexpected spreadsheet id "${sourceId}".`);
  const copies = new Map<string, CopyFile>();
  let pageToken: string | undefined;
  do {
    const page = drive().Files.list({
      q: `appProperties has { key='${SOURCE}' and value='${sourceId}' } and trashed = false`,
      orderBy: 'createdTime',
      fields: 'nextPageToken, files(id, appProperties)',
      pageSize: 100,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const file of page.files ?? []) {
      const mark = (file.appProperties as Record<string, string> | undefined)?.[CLIENT];
      if (mark && file.id && !copies.has(mark)) copies.set(mark, copyFile(file));
    }
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return copies;
}

/** A new, empty spreadsheet in the user's Drive, marked as this client's copy of this spreadsheet. */
export function createCopyFile(title: string, sourceId: string, mark: string): CopyFile {
  const file = drive().Files.create({ name: title, mimeType: SPREADSHEET, appProperties: { [SOURCE]: sourceId, [CLIENT]: mark } });
  if (!file.id) throw new Error('Drive did not return the new copy’s id.');
  return { id: file.id, viewerIds: [], viewerKeys: 0 };
}

export function trashCopyFile(fileId: string): void {
  drive().Files.update({ trashed: true }, fileId);
}

function packed(viewerIds: readonly string[]): string[] {
  const chunks: string[] = [];
  for (const id of viewerIds) {
    const last = chunks.length - 1;
    if (last >= 0 && `${VIEWERS}${last}`.length + chunks[last].length + 1 + id.length <= PROPERTY_BYTES) chunks[last] += `,${id}`;
    else chunks.push(id);
  }
  return chunks;
}

/** Records which viewers Crewsheet added, packed into as few app properties as fit (stale ones cleared). */
export function saveViewerIds(file: CopyFile, viewerIds: readonly string[]): void {
  const chunks = packed(viewerIds);
  const properties: Record<string, string | null> = {};
  for (let i = 0; i < Math.max(chunks.length, file.viewerKeys); i++) properties[`${VIEWERS}${i}`] = chunks[i] ?? null;
  drive().Files.update({ appProperties: properties }, file.id);
  file.viewerIds = [...viewerIds];
  file.viewerKeys = chunks.length;
}

/** Everyone with access to a file, owner included. */
export function permissionsOf(fileId: string): Permission[] {
  const all: Permission[] = [];
  let pageToken: string | undefined;
  do {
    const page = drive().Permissions.list(fileId, {
      fields: 'nextPageToken, permissions(id, type, role, emailAddress, domain)',
      pageSize: 100,
      ...(pageToken ? { pageToken } : {}),
    });
    all.push(...(page.permissions ?? []));
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return all;
}

/** View-only access for one person, who gets Drive's usual "shared with you" email. */
export function addViewer(fileId: string, email: string): Permission {
  return drive().Permissions.create({ type: 'user', role: 'reader', emailAddress: email }, fileId, {
    sendNotificationEmail: true,
    fields: 'id, type, role, emailAddress',
  });
}

export function removePermission(fileId: string, permissionId: string): void {
  drive().Permissions.remove(fileId, permissionId);
}
