// The Apps Script globals Crewsheet uses, backed by the in-memory spreadsheet. Every access to a
// service is recorded, so a test can prove that loading the script touches none of them.

import { FakeAuthorization } from './authorization';
import { FakeCalendar } from './calendar';
import { FakeDrive } from './drive';
import { FakeMail } from './mail';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, type FakeSpreadsheet, type FakeValidation } from './spreadsheet';

export interface MenuRecord {
  title: string;
  items: { caption: string; functionName: string }[];
}

export class FakeUi {
  readonly menus: MenuRecord[] = [];
  readonly sidebars: { file: string; title: string }[] = [];
  readonly alerts: string[] = [];
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' };

  createAddonMenu() {
    const menu: MenuRecord = { title: 'Add-on', items: [] };
    const builder = {
      addItem: (caption: string, functionName: string) => {
        menu.items.push({ caption, functionName });
        return builder;
      },
      addSeparator: () => builder,
      addToUi: () => {
        this.menus.push(menu);
      },
    };
    return builder;
  }
  showSidebar(html: { file: string; title: string }) {
    this.sidebars.push({ file: html.file, title: html.title });
  }
  alert(...args: string[]) {
    this.alerts.push(args.length > 1 ? args[1] : args[0]);
    return this.Button.OK;
  }
}

export class FakeLock {
  held = false;
  acquired = 0;
  tryLock(_ms: number): boolean {
    if (this.held) return false;
    this.held = true;
    this.acquired += 1;
    return true;
  }
  waitLock(ms: number): void {
    if (!this.tryLock(ms)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    this.held = false;
  }
  hasLock(): boolean {
    return this.held;
  }
}

export interface FakeServices {
  globals: Record<string, unknown>;
  ui: FakeUi;
  lock: FakeLock;
  /** "Service.member" for every access since the last reset. */
  touched: string[];
  /** While true, calls that need authorization fail, as in a custom function. */
  restricted: { on: boolean };
  /** The scopes granted, and each requireScopes call. */
  auth: FakeAuthorization;
  /** Drive and the Sheets API, for client copies. */
  drive: FakeDrive;
  /** The Calendar API, for staff calendars. */
  calendar: FakeCalendar;
  mail: FakeMail;
  /** The document's properties (PropertiesService.getDocumentProperties). */
  properties: Map<string, string>;
}

/** A Properties store over a map, as PropertiesService returns it. */
function propertyStore(map: Map<string, string>, restricted: { on: boolean }) {
  /** Custom functions may read properties, not write them. */
  const writable = (method: string) => {
    if (restricted.on) throw new Error(`You do not have permission to call ${method}`);
  };
  const store = {
    getProperty: (key: string) => map.get(key) ?? null,
    setProperty: (key: string, value: string) => {
      writable('setProperty');
      map.set(key, String(value));
      return store;
    },
    deleteProperty: (key: string) => {
      writable('deleteProperty');
      map.delete(key);
      return store;
    },
    getProperties: () => Object.fromEntries(map),
    getKeys: () => [...map.keys()],
  };
  return store;
}

const WRITE_METHODS = /^(set|insert|delete|move|clear|create|add|remove|share)/;

/** Wraps a service so every member access is recorded (and writes refused in custom functions). */
function watched<T extends object>(name: string, target: T, services: Pick<FakeServices, 'touched' | 'restricted'>): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'string') services.touched.push(`${name}.${property}`);
      const value = Reflect.get(object, property, receiver);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

const targets = new WeakMap<object, object>();

function unwrap(value: unknown): unknown {
  return (value && typeof value === 'object' && targets.get(value)) || value;
}

/** Refuses writes while a custom function runs, as Sheets does. */
function guarded<T extends object>(target: T, restricted: { on: boolean }): T {
  const proxy = new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (restricted.on && typeof property === 'string' && WRITE_METHODS.test(property)) {
          throw new Error(`You do not have permission to call ${property}`);
        }
        const result = value.apply(object, args.map(unwrap));
        if (Array.isArray(result))
          return result.map((r) => (r && typeof r === 'object' && !Array.isArray(r) && !(r instanceof Date) ? guarded(r, restricted) : r));
        return result && typeof result === 'object' && !(result instanceof Date) ? guarded(result, restricted) : result;
      };
    },
  });
  targets.set(proxy, target);
  return proxy;
}

export function createServices(ss: FakeSpreadsheet, scriptTimeZone = 'Etc/UTC'): FakeServices {
  const restricted = { on: false };
  const auth = new FakeAuthorization();
  const services: FakeServices = {
    globals: {},
    ui: new FakeUi(),
    lock: new FakeLock(),
    touched: [],
    restricted,
    auth,
    drive: new FakeDrive(restricted, auth),
    calendar: new FakeCalendar(restricted, auth),
    mail: new FakeMail(restricted, auth),
    properties: new Map(),
  };
  const spreadsheet = guarded(ss, services.restricted);
  const SpreadsheetApp = {
    getActiveSpreadsheet: () => spreadsheet,
    getActive: () => spreadsheet,
    getUi: () => {
      if (services.restricted.on) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
      return services.ui;
    },
    flush: () => ss.log.record('flush'),
    DeveloperMetadataVisibility,
    DeveloperMetadataLocationType,
    newDataValidation: () => {
      const rule: FakeValidation = {};
      const builder = {
        requireValueInList: (choices: readonly string[]) => {
          rule.choices = choices;
          return builder;
        },
        requireCheckbox: () => {
          rule.checkbox = true;
          return builder;
        },
        setAllowInvalid: () => builder,
        setHelpText: () => builder,
        build: (): FakeValidation => ({ ...rule }),
      };
      return builder;
    },
  };
  const HtmlService = {
    createHtmlOutputFromFile: (file: string) => {
      const output = {
        file,
        title: '',
        setTitle(title: string) {
          output.title = title;
          return output;
        },
        setWidth: () => output,
      };
      return output;
    },
  };
  const LockService = {
    getDocumentLock: () => {
      if (services.restricted.on) throw new Error('You do not have permission to call LockService.getDocumentLock');
      return services.lock;
    },
  };
  const Session = {
    getScriptTimeZone: () => scriptTimeZone,
    getActiveUser: () => ({ getEmail: () => 'preview@example.com' }),
    getEffectiveUser: () => ({ getEmail: () => 'preview@example.com' }),
  };
  const ScriptApp = {
    AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
    ...auth.scriptApp,
  };
  const PropertiesService = {
    getDocumentProperties: () => propertyStore(services.properties, services.restricted),
  };
  const Logger = { log: () => Logger };

  const plain = {
    SpreadsheetApp,
    HtmlService,
    LockService,
    Session,
    ScriptApp,
    Logger,
    PropertiesService,
    Drive: services.drive.drive,
    Sheets: services.drive.sheets,
    Calendar: services.calendar.service,
    MailApp: services.mail.service,
  };
  for (const [name, service] of Object.entries(plain)) services.globals[name] = watched(name, service, services);
  return services;
}
