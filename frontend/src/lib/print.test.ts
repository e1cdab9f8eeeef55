import { describe, expect, it } from 'vitest';
import { base64Bytes, checkImage, formatBytes, imageDataUrl, imageKind, offersXlsx, pdfPreviewSupported, verifyUrlValid } from './print';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]);

describe('print helpers', () => {
  it('offers Excel only where the backend renders xlsx', () => {
    expect(offersXlsx('recap-jpm')).toBe(true);
    expect(offersXlsx('recap-jp')).toBe(true);
    expect(offersXlsx('idp')).toBe(false);
    expect(offersXlsx('certificates')).toBe(false);
  });

  it('decodes base64', () => {
    expect([...base64Bytes('JVBERi0=')]).toEqual([...new TextEncoder().encode('%PDF-')]);
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1,3 MB');
    expect(formatBytes(1.25 * 1024 * 1024, '.')).toBe('1.3 MB');
    expect(formatBytes(30 * 1024 * 1024)).toBe('30 MB');
  });

  it('tries the preview unless the webview says it has no PDF viewer', () => {
    expect(pdfPreviewSupported({ pdfViewerEnabled: false })).toBe(false);
    expect(pdfPreviewSupported({ pdfViewerEnabled: true })).toBe(true);
    expect(pdfPreviewSupported({})).toBe(true);
  });

  it('recognises PNG and JPEG and checks the size', () => {
    expect(imageKind(PNG)).toBe('png');
    expect(imageKind(JPEG)).toBe('jpeg');
    expect(imageKind(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(checkImage(PNG, 100)).toBeNull();
    expect(checkImage(PNG, 5)).toEqual({ reason: 'size', size: 10, max: 5 });
    expect(checkImage(new Uint8Array([1, 2, 3]), 100)).toEqual({ reason: 'type' });
  });

  it('makes data URLs of stored images', () => {
    expect(imageDataUrl('iVBORw0KGgoAAA')).toBe('data:image/png;base64,iVBORw0KGgoAAA');
    expect(imageDataUrl('/9j/4AAQ')).toBe('data:image/jpeg;base64,/9j/4AAQ');
    expect(imageDataUrl('')).toBe('');
    expect(imageDataUrl('R0lGOD')).toBe('');
  });

  it('checks the verification address like the backend', () => {
    expect(verifyUrlValid('https://kembang.example.go.id/verifikasi')).toBe(true);
    expect(verifyUrlValid('')).toBe(true);
    expect(verifyUrlValid('ftp://x.id/')).toBe(false);
    expect(verifyUrlValid('https://x.id/v#a')).toBe(false);
    expect(verifyUrlValid('kembang.go.id')).toBe(false);
  });
});
