// The current locale as reactive state. Reading `t()` inside a component
// template makes it re-render when the locale changes.
import { id } from './id';
import { en } from './en';
import type { MessageKey } from './id';
import { errorCodeText, issueProblem, issueText, translate, type IssueLike, type Messages, type Params } from './translate';
import type { Locale } from '../api/types';

export type { MessageKey } from './id';

const catalogs: Record<Locale, Messages> = { id, en };
const STORAGE_KEY = 'kembang.locale';

function initialLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (v === 'id' || v === 'en') return v;
  } catch {
    // storage unavailable: default
  }
  return 'id';
}

export const i18n = $state<{ locale: Locale }>({ locale: initialLocale() });

export function isLocale(v: unknown): v is Locale {
  return v === 'id' || v === 'en';
}

function messages(): Messages {
  return catalogs[i18n.locale];
}

/** Sets the locale locally (state + localStorage). Persisting to Go is done by the caller through appApi.setLocale. */
export function setLocaleLocal(locale: Locale): void {
  i18n.locale = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // ignore
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function t(key: MessageKey, params?: Params): string {
  return translate(messages(), key, params);
}

/** Translates a backend error (ApiError or anything with a code). */
export function errorText(err: unknown): string {
  const e = err as { code?: unknown; details?: Record<string, unknown> } | null;
  const code = e && typeof e.code === 'string' ? e.code : 'internal';
  return errorCodeText(messages(), code, e?.details ?? undefined);
}

export function codeText(code: string, params?: Params): string {
  return errorCodeText(messages(), code, params);
}

export function issueMsg(issue: IssueLike): string {
  return issueProblem(messages(), issue);
}

export function issueSentence(issue: IssueLike): string {
  return issueText(messages(), issue);
}

/** Level label "Paham", "Dasar", … for 1–5. */
export function levelName(level: number): string {
  return level >= 1 && level <= 5 ? t(`lvl.${level}` as MessageKey) : '';
}

/**
 * The title of a level as the dictionary stores it: the regulation's standard
 * names ("Paham" … "Ahli") are shown in the interface language; an agency's
 * own name for a level of a technical competency is shown as written.
 */
export function levelTitle(level: number, name?: string | null): string {
  const standard = level >= 1 && level <= 5 ? id[`lvl.${level}` as MessageKey] : '';
  const n = (name ?? '').trim();
  if (!n || n.toLowerCase() === standard.toLowerCase()) return levelName(level);
  return n;
}

/** Translates a key that is built at runtime ("ptype." + type), falling back to the raw value. */
export function tDyn(prefix: string, value: string): string {
  const key = prefix + value;
  const m = messages();
  return Object.prototype.hasOwnProperty.call(m, key) ? m[key as MessageKey] : value;
}

/** The BCP-47 tag for Intl formatting. */
export function intlLocale(): string {
  return i18n.locale === 'en' ? 'en-GB' : 'id-ID';
}
