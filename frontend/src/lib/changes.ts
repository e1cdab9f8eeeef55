// Audit entries carry `changes` as a JSON string {field: [old, new]}.

export interface FieldChange {
  field: string;
  old: string;
  new: string;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * Parses a changes JSON string into rows sorted by field name. Malformed
 * input yields [] rather than throwing: history must always render.
 * A value that is not an [old, new] pair is shown as the new value.
 */
export function parseChanges(json: string | null | undefined): FieldChange[] {
  if (!json) return [];
  let obj: unknown;
  try {
    obj = JSON.parse(json);
  } catch {
    return [];
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return [];
  return Object.entries(obj as Record<string, unknown>)
    .map(([field, v]) =>
      Array.isArray(v) && v.length === 2
        ? { field, old: show(v[0]), new: show(v[1]) }
        : { field, old: '', new: show(v) },
    )
    .sort((a, b) => a.field.localeCompare(b.field));
}
