// The scopes the user has granted, shared by every in-memory service that needs one, and ScriptApp's
// authorization calls over them. The preview grants every scope from the start; tests take scopes
// away to see a feature ask for its own, at first use, and touch nothing until it is granted.

export const DRIVE_FILE_SCOPE = 'https://www.googleapis.com/auth/drive.file';
export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar.app.created';
export const MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';
/** The scopes beyond the sheet and the sidebar that the manifest lists. */
export const FEATURE_SCOPES = [DRIVE_FILE_SCOPE, CALENDAR_SCOPE, MAIL_SCOPE];

export const NOT_AUTHORIZED = 'Authorization is required to perform that action.';

export class FakeAuthorization {
  readonly granted = new Set<string>(FEATURE_SCOPES);
  /** The scopes of each ScriptApp.requireScopes call, in order. */
  readonly required: string[][] = [];

  /** Throws as Apps Script does when a service is called without its scope. */
  need(scope: string): void {
    if (!this.granted.has(scope)) throw new Error(NOT_AUTHORIZED);
  }

  /** ScriptApp's authorization members. */
  readonly scriptApp = {
    AuthorizationStatus: { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' },
    getAuthorizationInfo: (_mode: unknown, scopes?: string[]) => {
      const missing = (scopes ?? FEATURE_SCOPES).filter((s) => !this.granted.has(s));
      return {
        getAuthorizationStatus: () => (missing.length ? 'REQUIRED' : 'NOT_REQUIRED'),
        getAuthorizationUrl: () => (missing.length ? 'https://script.google.com/macros/d/preview/authorize' : null),
        getAuthorizedScopes: () => (scopes ?? FEATURE_SCOPES).filter((s) => this.granted.has(s)),
      };
    },
    requireScopes: (_mode: unknown, scopes: string[]) => {
      this.required.push([...scopes]);
      if (scopes.some((s) => !this.granted.has(s))) throw new Error(NOT_AUTHORIZED);
    },
  };
}
