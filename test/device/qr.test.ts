import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeQr, qrVersionFor, renderQr, type QrLevel } from '../../src/device/qr.js';

/** Module matrices made by python-qrcode 7.4.2 (Debian), an implementation we did not write: test/fixtures/qr/make.py. */
const GOLDEN = JSON.parse(readFileSync(new URL('../fixtures/qr/golden.json', import.meta.url), 'utf8')) as { text: string; level: QrLevel; version: number; mask: number; rows: string[] }[];

describe('QR codes for the device grant (RFC 8628 §3.3.1)', () => {
  it.each(GOLDEN.map((g) => [`v${g.version}-${g.level} mask ${g.mask}: ${g.text.slice(0, 40)}`, g] as const))('matches python-qrcode module for module: %s', (_name, golden) => {
    const code = encodeQr(golden.text, { level: golden.level, version: golden.version, mask: golden.mask });
    expect(code).toBeDefined();
    const rows = code?.modules.map((row) => row.map((m) => (m ? '1' : '0')).join(''));
    expect(rows).toEqual(golden.rows);
  });

  it('picks the smallest version that fits, and refuses what version 10 cannot hold', () => {
    expect(qrVersionFor(17, 'L')).toBe(1);
    expect(qrVersionFor(18, 'L')).toBe(2);
    expect(qrVersionFor(271, 'L')).toBe(10);
    expect(qrVersionFor(272, 'L')).toBeUndefined();
    expect(encodeQr('x'.repeat(300))).toBeUndefined();
    expect(encodeQr('x'.repeat(100), { version: 2 })).toBeUndefined();
  });

  it('renders two module rows per line with a quiet zone', () => {
    const code = encodeQr('https://example.com/device');
    if (!code) throw new Error('no code');
    const lines = renderQr(code);
    expect(lines).toHaveLength(Math.ceil((code.size + 4) / 2));
    expect(lines.every((l) => [...l].length === code.size + 4)).toBe(true);
    expect(lines[0]).toBe('█'.repeat(code.size + 4));
  });
});
