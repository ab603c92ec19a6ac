// Scopes asked at first use: whether the user has granted a feature's scopes yet, and where to grant
// them. The server calls ScriptApp.requireScopes before the feature touches its service.

import type { ShareAccess } from '../../api';

interface ScopedScriptApp {
  getAuthorizationInfo(mode: GoogleAppsScript.Script.AuthMode, scopes: string[]): GoogleAppsScript.Script.AuthorizationInfo;
}

export function accessTo(scopes: string[]): ShareAccess {
  const info = (ScriptApp as unknown as ScopedScriptApp).getAuthorizationInfo(ScriptApp.AuthMode.FULL, scopes);
  const granted = info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.NOT_REQUIRED;
  return { granted, authorizationUrl: granted ? null : info.getAuthorizationUrl() };
}
