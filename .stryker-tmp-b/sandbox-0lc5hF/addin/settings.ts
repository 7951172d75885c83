/**
 * The clerk's settings (server address, session token and its expiry, last period), kept in localStorage.
 *
 * Why localStorage: Office.context.roamingSettings exists only in Outlook; and
 * Office.context.document.settings is saved *inside the workbook*, so the token
 * would travel with every copy of the file — including the one uploaded. The
 * pane's own origin storage is per user and per machine, works in every Office
 * webview (WebView2, WKWebView, Excel on the web's iframe) and in an ordinary
 * browser for the standalone page. When storage is blocked (private mode, a
 * locked-down webview) the settings live in memory for the session.
 */
// @ts-nocheck


export interface Settings {
  /** Server base address ("https://kj.example.gov.cn"); "" = the address the pane was loaded from. */
  server: string;
  /** The session token the sign-in code was exchanged for. */
  token: string;
  /** Period id last chosen for upload/status ("2025-Y"). */
  period: string;
  /** When the session token expires (ISO); "" for none. A session is refreshed while the pane is in use. */
  expiresAt: string;
}

const KEY = "huizong.settings.v1";
const EMPTY: Settings = { server: "", token: "", period: "", expiresAt: "" };

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

function defaultStore(): KeyValueStore {
  try {
    const s = globalThis.localStorage;
    const probe = "huizong.probe";
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return memoryStore();
  }
}

export class SettingsStore {
  private readonly store: KeyValueStore;
  constructor(store?: KeyValueStore) {
    this.store = store ?? defaultStore();
  }

  get(): Settings {
    try {
      const raw = JSON.parse(this.store.getItem(KEY) ?? "{}") as Partial<Settings>;
      return {
        server: typeof raw.server === "string" ? raw.server : "",
        token: typeof raw.token === "string" ? raw.token : "",
        period: typeof raw.period === "string" ? raw.period : "",
        expiresAt: typeof raw.expiresAt === "string" ? raw.expiresAt : "",
      };
    } catch {
      return { ...EMPTY };
    }
  }

  set(patch: Partial<Settings>): Settings {
    const next = { ...this.get(), ...patch };
    try {
      this.store.setItem(KEY, JSON.stringify(next));
    } catch {
      // Quota or a blocked store: keep working for this session.
    }
    return next;
  }

  clearToken(): Settings {
    return this.set({ token: "", expiresAt: "" });
  }
}

/** The API base: the configured server, else the origin the pane came from. */
export function apiBase(settings: Settings, origin: string): string {
  return (settings.server.trim() || origin).replace(/\/+$/, "");
}
