// App-wide state: app info, navigation (with a one-shot "intent" that the
// target view consumes) and toasts.
import { appApi, type AppInfo, type ImportKind } from '../api';

/** Screens; the first ten have Alt+1…Alt+0, settings is reached from the sidebar's foot. */
export const VIEWS = ['dashboard', 'employees', 'assessment', 'analysis', 'plans', 'training', 'jp', 'framework', 'org', 'transfer', 'settings'] as const;

/** The Alt+digit of view i (0-based): 1…9, then 0 for the tenth. */
export const shortcutDigit = (i: number): string => String((i + 1) % 10);
export type ViewName = (typeof VIEWS)[number];

export type Intent =
  | { kind: 'newEmployee' }
  | { kind: 'focusSearch' }
  | { kind: 'needsReview' }
  | { kind: 'openPosition'; id: string }
  | { kind: 'import'; importKind: ImportKind }
  /** Analysis screen: show this employee (and period, when given). */
  | { kind: 'analyseEmployee'; employeeId: string; period?: string }
  /** Plans screen: open (or offer to draft) this employee's plan for the year. */
  | { kind: 'openPlan'; employeeId: string; year?: number }
  /** Training screen: open this event. */
  | { kind: 'openEvent'; eventId: string };

export const nav = $state<{ view: ViewName; intent: Intent | null }>({ view: 'dashboard', intent: null });

export function go(view: ViewName, intent: Intent | null = null): void {
  nav.view = view;
  nav.intent = intent;
}

/** Returns and clears the pending intent if it is of the given kind. */
export function takeIntent<K extends Intent['kind']>(kind: K): Extract<Intent, { kind: K }> | null {
  const i = nav.intent;
  if (i && i.kind === kind) {
    nav.intent = null;
    return i as Extract<Intent, { kind: K }>;
  }
  return null;
}

export const app = $state<{ info: AppInfo | null; loading: boolean; loadError: unknown }>({
  info: null,
  loading: true,
  loadError: null,
});

export async function refreshInfo(): Promise<void> {
  try {
    app.info = await appApi.info();
    app.loadError = null;
  } catch (e) {
    app.loadError = e;
  } finally {
    app.loading = false;
  }
}

export type ToastKind = 'info' | 'ok' | 'error';
export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}
export const toasts = $state<Toast[]>([]);
let nextToast = 1;

export function toast(text: string, kind: ToastKind = 'ok'): void {
  const id = nextToast++;
  toasts.push({ id, kind, text });
  // Errors stay longer: they are sentences the user must read.
  setTimeout(() => dismissToast(id), kind === 'error' ? 10000 : 4000);
}

export function dismissToast(id: number): void {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}
