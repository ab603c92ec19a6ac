// One client's copy, start to finish: find or create the file, write it, and make its viewers exactly
// the client's contacts: view-only, never editors, never "anyone with the link". Revoke removes the
// viewers Crewsheet added and no one else.

import type { ShareOutcome } from '../../api';
import { nameKey } from '../../model/work';
import type { ClientCopy } from '../../share/copy';
import { copyUrl, leftOutText, type ShareRecord } from '../../share/shares';
import {
  addViewer,
  type CopyFile,
  clientMark,
  createCopyFile,
  permissionsOf,
  removePermission,
  saveViewerIds,
  trashCopyFile,
} from './share-drive';
import { writeCopy } from './share-sheets';

type Permission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;

export interface Published {
  outcome: ShareOutcome;
  /** The Shares row; absent when nothing changed. */
  record?: ShareRecord;
}

export function markOf(client: string): string {
  return clientMark(nameKey(client));
}

const emailOf = (p: Permission) => (p.emailAddress ?? '').toLowerCase();
const list = (emails: readonly string[]) => emails.join(', ');

/** Access given beyond named people: a link anyone can open, or a whole domain. */
function openAccess(permissions: readonly Permission[]): Permission | undefined {
  return permissions.find((p) => p.type === 'anyone' || p.type === 'domain');
}

interface Viewers {
  /** Contacts who can view the copy now. */
  sharedWith: string[];
  notes: string[];
  failed: string[];
}

/**
 * Makes the copy's viewers the client's contacts: adds those missing, removes viewers Crewsheet added
 * who are no longer contacts, and leaves access someone gave by hand alone (noting it). The ids of the
 * viewers added are saved on the file even when a later step fails, so Revoke can always find them.
 */
function syncViewers(file: CopyFile, emails: readonly string[], permissions: readonly Permission[]): Viewers {
  const addedBefore = new Set(file.viewerIds);
  const ours = new Set(file.viewerIds);
  const viewers: Viewers = { sharedWith: [], notes: [], failed: [] };
  const removed: string[] = [];
  const byHand: string[] = [];
  try {
    for (const p of permissions) {
      if (!p.id || !ours.has(p.id) || emails.includes(emailOf(p))) continue;
      removePermission(file.id, p.id);
      ours.delete(p.id);
      removed.push(emailOf(p) || p.id);
    }
    for (const email of emails) {
      const existing = permissions.find((p) => emailOf(p) === email);
      // Editors and commenters see more than a viewer (version history, comments): say so.
      const more = existing && existing.role !== 'reader' ? ` (${existing.role === 'commenter' ? 'can comment' : 'can edit'})` : '';
      if (existing && (more || !(existing.id && ours.has(existing.id)))) byHand.push(`${email}${more}`);
      if (existing) {
        viewers.sharedWith.push(email);
        continue;
      }
      try {
        const permission = addViewer(file.id, email);
        if (permission.id) ours.add(permission.id);
        viewers.sharedWith.push(email);
      } catch (error) {
        viewers.failed.push(`${email} (${(error as Error).message})`);
      }
    }
  } finally {
    const ids = [...ours];
    if (ids.length !== file.viewerIds.length || ids.some((id, i) => id !== file.viewerIds[i])) saveViewerIds(file, ids);
  }
  const others = permissions.filter((p) => p.role !== 'owner' && !(p.id && addedBefore.has(p.id)) && !emails.includes(emailOf(p)));
  if (removed.length) viewers.notes.push(`Removed former contacts: ${list(removed)}.`);
  if (byHand.length) viewers.notes.push(`Already had access (given by hand, left as is): ${list(byHand)}.`);
  if (others.length) viewers.notes.push(`Also shared by hand with: ${list(others.map((p) => emailOf(p) || p.type || 'someone'))}.`);
  return viewers;
}

/** Creates or refreshes one client's copy and shares it with their contacts. */
export function publishCopy(
  copy: ClientCopy,
  emails: readonly string[],
  existing: CopyFile | undefined,
  sourceId: string,
  when: string,
): Published {
  const permissions = existing ? permissionsOf(existing.id) : [];
  const open = openAccess(permissions);
  if (existing && open) {
    const message = `Not refreshed: the copy is shared with ${open.type === 'anyone' ? 'anyone who has the link' : `everyone at ${open.domain}`}. Remove that access in Drive (Share > General access: Restricted), then refresh.`;
    return { outcome: { client: copy.client, ok: false, message, url: copyUrl(existing.id), sharedWith: [] } };
  }
  const file = existing ?? createCopyFile(copy.title, sourceId, markOf(copy.client));
  try {
    writeCopy(file.id, copy);
  } catch (error) {
    // A new file that could not be written is removed: no half-written copy is ever shared.
    if (!existing) trashCopyFile(file.id);
    throw error;
  }
  const viewers = syncViewers(file, emails, permissions);
  const done = existing ? 'Copy refreshed' : 'Copy created';
  const shared = viewers.sharedWith.length ? `, shared view-only with ${list(viewers.sharedWith)}` : ', not shared with anyone yet';
  const failed = viewers.failed.length ? [`Could not share with ${list(viewers.failed)}.`] : [];
  const note = [...failed, ...viewers.notes].join(' ');
  return {
    outcome: {
      client: copy.client,
      ok: !viewers.failed.length,
      message: `${done}${shared}.${note ? ` ${note}` : ''}`,
      url: copyUrl(file.id),
      sharedWith: viewers.sharedWith,
    },
    record: {
      client: copy.client,
      url: copyUrl(file.id),
      sharedWith: viewers.sharedWith,
      lastRefreshed: when,
      leftOut: leftOutText(copy.leftOut),
      note,
    },
  };
}

/** Removes the viewers Crewsheet added to a copy; access given by hand stays. */
export function revokeCopy(client: string, file: CopyFile, previous: ShareRecord | undefined, when: string): Published {
  const permissions = permissionsOf(file.id);
  const added = new Set(file.viewerIds);
  const ours = new Set(file.viewerIds);
  const removed: string[] = [];
  try {
    for (const p of permissions) {
      if (!p.id || !ours.has(p.id)) continue;
      removePermission(file.id, p.id);
      ours.delete(p.id);
      removed.push(emailOf(p) || p.id);
    }
  } finally {
    saveViewerIds(
      file,
      [...ours].filter((id) => permissions.some((p) => p.id === id)),
    );
  }
  const kept = permissions.filter((p) => p.role !== 'owner' && !(p.id && added.has(p.id))).map((p) => emailOf(p) || p.type || 'someone');
  const note = `Viewers removed ${when}: ${removed.length ? list(removed) : 'none'}.${kept.length ? ` Still shared by hand with: ${list(kept)}.` : ''}`;
  return {
    outcome: { client, ok: true, message: note, url: copyUrl(file.id), sharedWith: [] },
    record: {
      client: previous?.client ?? client,
      url: copyUrl(file.id),
      sharedWith: kept,
      lastRefreshed: previous?.lastRefreshed ?? '',
      leftOut: previous?.leftOut ?? '',
      note,
    },
  };
}
