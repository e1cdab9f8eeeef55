// Printing helpers (no state, no DOM beyond Blob): which documents also come
// as Excel, the PDF preview's Blob, file sizes as people read them, and the
// checks on the images of the document settings before they are sent.
import type { PrintDoc } from '../api/types';

/** Documents the backend also renders as xlsx (core.Print). */
export const XLSX_DOCS: readonly PrintDoc[] = ['recap-jpm', 'recap-jp', 'attendance', 'history'];

export const offersXlsx = (doc: PrintDoc): boolean => XLSX_DOCS.includes(doc);

/** Decodes standard base64 into bytes. */
export function base64Bytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64.replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A PDF Blob for the preview iframe. */
export function pdfBlob(b64: string): Blob {
  return new Blob([base64Bytes(b64)], { type: 'application/pdf' });
}

/** "845 KB", "1,2 MB" (decimal separator sep); bytes below 1 KB as "512 B". */
export function formatBytes(n: number, sep = ','): string {
  if (!Number.isFinite(n) || n < 0) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  const mb = n / (1024 * 1024);
  return `${(mb < 10 ? mb.toFixed(1) : String(Math.round(mb))).replace('.', sep)} MB`;
}

/**
 * Whether the webview can show a PDF inside the page. Browsers that know
 * say so in navigator.pdfViewerEnabled; when it is missing we try (the
 * message under the preview still points to the PDF viewer).
 */
export function pdfPreviewSupported(nav: { pdfViewerEnabled?: boolean } | undefined = globalThis.navigator): boolean {
  return nav?.pdfViewerEnabled !== false;
}

// ---- images of the document settings ----

/** Size limits of the backend (core/print.go), decoded bytes. */
export const IMAGE_LIMITS = {
  logo: 1 << 20,
  background: 5 << 20,
  signature: 512 << 10,
} as const;

export type ImageKind = 'png' | 'jpeg';

/** PNG or JPEG by the file's first bytes; null for anything else. */
export function imageKind(bytes: Uint8Array): ImageKind | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/** The data: URL of a stored base64 image, for an <img>; "" when there is none or it is not PNG/JPEG. */
export function imageDataUrl(b64: string): string {
  if (!b64) return '';
  const s = b64.trim();
  if (s.startsWith('data:image/')) return s;
  if (s.startsWith('iVBORw0KGgo')) return `data:image/png;base64,${s}`;
  if (s.startsWith('/9j/')) return `data:image/jpeg;base64,${s}`;
  return '';
}

export type ImageProblem = { reason: 'type' } | { reason: 'size'; size: number; max: number };

/** Why an uploaded image cannot be used (before it is sent), or null. */
export function checkImage(bytes: Uint8Array, max: number): ImageProblem | null {
  if (!imageKind(bytes)) return { reason: 'type' };
  if (bytes.length > max) return { reason: 'size', size: bytes.length, max };
  return null;
}

/** The verification address as the backend accepts it: http(s), a host, no #fragment, at most 200 characters. */
export function verifyUrlValid(s: string): boolean {
  const v = s.trim();
  if (v === '') return true; // the backend fills in the default
  if (v.length > 200) return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.host !== '' && u.hash === '' && !v.includes('#');
  } catch {
    return false;
  }
}
