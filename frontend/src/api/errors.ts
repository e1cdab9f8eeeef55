import type { ErrorPayload } from './types';

/** A field-level validation problem from `details.fields` (code `invalid`). */
export interface FieldProblem {
  field: string;
  code: string;
  value?: string;
}

/**
 * The one error type the UI sees. Go rejects a bound call with
 * `{code, message, details}` (the ErrorFormatter), sometimes delivered as a
 * JSON string of that object; anything else becomes code `internal`.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(code: string, message = '', details: Record<string, unknown> | null = null) {
    super(message || code);
    this.name = 'ApiError';
    this.code = code;
    this.details = details ?? {};
  }

  /** Field problems of a validation error, in the order the backend sent them. */
  get fields(): FieldProblem[] {
    const raw = this.details['fields'];
    if (!Array.isArray(raw)) return [];
    const out: FieldProblem[] = [];
    for (const f of raw) {
      if (f && typeof f === 'object' && typeof (f as FieldProblem).field === 'string') {
        const p = f as Record<string, unknown>;
        out.push({
          field: String(p['field']),
          code: typeof p['code'] === 'string' ? p['code'] : 'invalid',
          value: p['value'] === undefined || p['value'] === null ? undefined : String(p['value']),
        });
      }
    }
    return out;
  }

  /** Field problems keyed by field name (first problem per field wins). */
  fieldMap(): Record<string, FieldProblem> {
    const m: Record<string, FieldProblem> = {};
    for (const f of this.fields) if (!(f.field in m)) m[f.field] = f;
    return m;
  }
}

function isPayload(v: unknown): v is ErrorPayload {
  return !!v && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string' && (v as { code: string }).code !== '';
}

function fromPayload(p: ErrorPayload): ApiError {
  const details = p.details && typeof p.details === 'object' && !Array.isArray(p.details) ? p.details : null;
  return new ApiError(p.code, p.message ?? '', details);
}

/** Turns whatever a rejected call produced into an ApiError. Never throws. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isPayload(err)) return fromPayload(err);
  if (typeof err === 'string') {
    const s = err.trim();
    if (s.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(s);
        if (isPayload(parsed)) return fromPayload(parsed);
      } catch {
        // not JSON: fall through
      }
    }
    return new ApiError('internal', s);
  }
  if (err instanceof Error) {
    // An Error whose message is the JSON payload (seen with some runtimes).
    const m = err.message.trim();
    if (m.startsWith('{')) return toApiError(m);
    return new ApiError('internal', m);
  }
  return new ApiError('internal', String(err));
}

/** Awaits p and rethrows any rejection as an ApiError. */
export async function call<T>(p: Promise<T> | (() => Promise<T>)): Promise<T> {
  try {
    return await (typeof p === 'function' ? p() : p);
  } catch (e) {
    throw toApiError(e);
  }
}
