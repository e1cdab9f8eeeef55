// Pure translation helpers (no state), so they can be unit-tested.
import type { MessageKey } from './id';

export type Messages = Record<MessageKey, string>;
export type Params = Record<string, unknown>;

/**
 * Replaces {name} placeholders with params[name]. A placeholder with no value
 * is left visible as-is, so a missing detail shows up instead of vanishing.
 */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined || v === null) return whole;
    return String(v);
  });
}

export function hasKey(messages: Messages, key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/** Looks key up and interpolates; unknown keys come back as the key itself. */
export function translate(messages: Messages, key: string, params?: Params): string {
  return interpolate(hasKey(messages, key) ? messages[key] : key, params);
}

/** Message for a backend error code, with a generic fallback that shows the code. */
export function errorCodeText(messages: Messages, code: string, params?: Params): string {
  const key = `err.${code}`;
  if (hasKey(messages, key)) return interpolate(messages[key], { code, ...params });
  return interpolate(messages['err._unknown'], { ...params, code });
}

export interface IssueLike {
  row: number;
  column: string;
  code: string;
  value?: string;
  details?: Record<string, unknown> | null;
}

/** The problem of an import issue, without its location. */
export function issueProblem(messages: Messages, issue: IssueLike): string {
  if (!hasKey(messages, `err.${issue.code}`)) return interpolate(messages['err._unknownIssue'], { code: issue.code });
  return errorCodeText(messages, issue.code, {
    ...(issue.details ?? {}),
    row: issue.row,
    column: issue.column,
    value: issue.value ?? '',
  });
}

/** A full sentence for an import issue: "Baris 3, kolom NIP: …". */
export function issueText(messages: Messages, issue: IssueLike): string {
  const params = { row: issue.row, column: issue.column };
  let prefix = '';
  if (issue.row > 0 && issue.column) prefix = interpolate(messages['issue.at'], params);
  else if (issue.row > 0) prefix = interpolate(messages['issue.atRow'], params);
  return prefix + issueProblem(messages, issue);
}
