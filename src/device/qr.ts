/**
 * A QR code for the device grant's verification URI (RFC 8628 §3.3.1: a
 * client MAY show verification_uri_complete as a QR code), written here
 * rather than added as a dependency: byte mode, versions 1–10, error
 * correction L or M, per ISO/IEC 18004:2015. The module matrix is checked
 * against python-qrcode's for the same version, level and mask
 * (test/device/qr.test.ts, fixtures made by test/fixtures/qr/make.py).
 */
export type QrLevel = 'L' | 'M';

/** Error-correction codewords per block and number of blocks, by level, version 1–10 (ISO/IEC 18004 Table 9). */
const EC_PER_BLOCK: Record<QrLevel, readonly number[]> = {
  L: [7, 10, 15, 20, 26, 18, 20, 24, 30, 18],
  M: [10, 16, 26, 18, 24, 16, 18, 22, 22, 26],
};
const BLOCKS: Record<QrLevel, readonly number[]> = {
  L: [1, 1, 1, 1, 1, 2, 2, 2, 2, 4],
  M: [1, 1, 1, 2, 2, 4, 4, 4, 5, 5],
};
/** Format information's level bits (§7.9.1). */
const LEVEL_BITS: Record<QrLevel, number> = { L: 1, M: 0 };
const QR_MAX_VERSION = 10;

export interface QrCode {
  readonly version: number;
  readonly size: number;
  readonly mask: number;
  /** modules[y][x], true is dark. */
  readonly modules: readonly (readonly boolean[])[];
}

/** Modules that hold data and error correction, excluding function patterns and format/version information. */
function rawDataModules(version: number): number {
  let result = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    result -= (25 * align - 10) * align - 55;
    if (version >= 7) result -= 36;
  }
  return result;
}

function dataCodewords(version: number, level: QrLevel): number {
  const i = version - 1;
  return Math.floor(rawDataModules(version) / 8) - (EC_PER_BLOCK[level][i] ?? 0) * (BLOCKS[level][i] ?? 0);
}

// GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), §7.5.2.
function gfMultiply(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z;
}

function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMultiply(result[j] ?? 0, root);
      if (j + 1 < degree) result[j] = (result[j] ?? 0) ^ (result[j + 1] ?? 0);
    }
    root = gfMultiply(root, 0x02);
  }
  return result;
}

function rsRemainder(data: readonly number[], divisor: readonly number[]): number[] {
  const result = new Array<number>(divisor.length).fill(0);
  for (const byte of data) {
    const factor = byte ^ (result.shift() ?? 0);
    result.push(0);
    divisor.forEach((coef, i) => {
      result[i] = (result[i] ?? 0) ^ gfMultiply(coef, factor);
    });
  }
  return result;
}

/** The codeword sequence: data in byte mode, padded, split in blocks, each with its RS code, interleaved (§7.6). */
function codewords(bytes: Uint8Array, version: number, level: QrLevel): number[] {
  const capacity = dataCodewords(version, level);
  const bits: number[] = [];
  const put = (value: number, length: number): void => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, version <= 9 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity * 8 - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacity * 8; pad ^= 0xec ^ 0x11) put(pad, 8);
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((acc, bit) => (acc << 1) | bit, 0));

  const i = version - 1;
  const blockCount = BLOCKS[level][i] ?? 1;
  const ecLength = EC_PER_BLOCK[level][i] ?? 0;
  const raw = Math.floor(rawDataModules(version) / 8);
  const shortBlocks = blockCount - (raw % blockCount);
  const shortLength = Math.floor(raw / blockCount);
  const divisor = rsDivisor(ecLength);
  const blocks: { data: number[]; ec: number[] }[] = [];
  for (let b = 0, k = 0; b < blockCount; b++) {
    const length = shortLength - ecLength + (b < shortBlocks ? 0 : 1);
    const chunk = data.slice(k, k + length);
    k += length;
    blocks.push({ data: chunk, ec: rsRemainder(chunk, divisor) });
  }
  const out: number[] = [];
  const longest = Math.max(...blocks.map((block) => block.data.length));
  for (let j = 0; j < longest; j++) for (const block of blocks) if (j < block.data.length) out.push(block.data[j] ?? 0);
  for (let j = 0; j < ecLength; j++) for (const block of blocks) out.push(block.ec[j] ?? 0);
  return out;
}

function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  const result = [6];
  for (let pos = version * 4 + 10; result.length < count; pos -= step) result.splice(1, 0, pos);
  return result;
}

const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

class Grid {
  readonly dark: boolean[][];
  readonly fixed: boolean[][];
  constructor(readonly size: number) {
    this.dark = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
    this.fixed = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  }
  set(x: number, y: number, dark: boolean): void {
    const row = this.dark[y];
    const fixedRow = this.fixed[y];
    if (!row || !fixedRow || x < 0 || x >= this.size) return;
    row[x] = dark;
    fixedRow[x] = true;
  }
}

function drawFunctionPatterns(grid: Grid, version: number): void {
  const size = grid.size;
  for (let i = 0; i < size; i++) {
    grid.set(6, i, i % 2 === 0);
    grid.set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        const x = cx + dx;
        const y = cy + dy;
        if (x >= 0 && x < size && y >= 0 && y < size) grid.set(x, y, d !== 2 && d !== 4);
      }
    }
  }
  const positions = alignmentPositions(version);
  const last = positions.length - 1;
  positions.forEach((ay, i) => {
    positions.forEach((ax, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) grid.set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    });
  });
  drawFormatBits(grid, 'L', 0); // reserves the areas; redrawn with the real bits
  if (version >= 7) {
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const bit = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      grid.set(a, b, bit);
      grid.set(b, a, bit);
    }
  }
}

function drawFormatBits(grid: Grid, level: QrLevel, mask: number): void {
  const data = (LEVEL_BITS[level] << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  const bit = (i: number): boolean => ((bits >>> i) & 1) === 1;
  const size = grid.size;
  for (let i = 0; i <= 5; i++) grid.set(8, i, bit(i));
  grid.set(8, 7, bit(6));
  grid.set(8, 8, bit(7));
  grid.set(7, 8, bit(8));
  for (let i = 9; i < 15; i++) grid.set(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) grid.set(size - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) grid.set(8, size - 15 + i, bit(i));
  grid.set(8, size - 8, true); // the dark module
}

function drawCodewords(grid: Grid, data: readonly number[]): void {
  const size = grid.size;
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? size - 1 - vert : vert;
        if (grid.fixed[y]?.[x] || i >= data.length * 8) continue;
        const row = grid.dark[y];
        if (row) row[x] = (((data[i >>> 3] ?? 0) >>> (7 - (i & 7))) & 1) === 1;
        i++;
      }
    }
  }
}

function applyMask(grid: Grid, mask: number): void {
  const test = MASKS[mask];
  if (!test) return;
  for (let y = 0; y < grid.size; y++) {
    for (let x = 0; x < grid.size; x++) {
      const row = grid.dark[y];
      if (row && !grid.fixed[y]?.[x] && test(x, y)) row[x] = !row[x];
    }
  }
}

/** The smallest version that holds the bytes, or undefined when even version 10 cannot. */
export function qrVersionFor(length: number, level: QrLevel): number | undefined {
  for (let version = 1; version <= QR_MAX_VERSION; version++) {
    const header = 4 + (version <= 9 ? 8 : 16);
    if (header + length * 8 <= dataCodewords(version, level) * 8) return version;
  }
  return undefined;
}

/** Encodes text (UTF-8, byte mode). `mask` fixes the mask pattern (tests); otherwise mask 0 is used. */
export function encodeQr(text: string, options: { level?: QrLevel; version?: number; mask?: number } = {}): QrCode | undefined {
  const level = options.level ?? 'L';
  const bytes = new TextEncoder().encode(text);
  const version = options.version ?? qrVersionFor(bytes.length, level);
  if (version === undefined || version < 1 || version > QR_MAX_VERSION || (qrVersionFor(bytes.length, level) ?? Infinity) > version) return undefined;
  const mask = options.mask ?? 0;
  const grid = new Grid(version * 4 + 17);
  drawFunctionPatterns(grid, version);
  drawCodewords(grid, codewords(bytes, version, level));
  applyMask(grid, mask);
  drawFormatBits(grid, level, mask);
  return { version, size: grid.size, mask, modules: grid.dark };
}

/**
 * The code drawn with half-block characters (two rows of modules per line)
 * and a quiet zone of two modules, for a terminal: dark on light, so it
 * scans on dark and light themes alike.
 */
export function renderQr(code: QrCode, quiet = 2): string[] {
  const n = code.size + quiet * 2;
  const dark = (x: number, y: number): boolean => code.modules[y - quiet]?.[x - quiet] ?? false;
  const lines: string[] = [];
  for (let y = 0; y < n; y += 2) {
    let line = '';
    for (let x = 0; x < n; x++) {
      const top = dark(x, y);
      const bottom = y + 1 < n && dark(x, y + 1);
      // Light is drawn as a block (the terminal's background may be dark): '█' both light, ' ' both dark.
      line += !top && !bottom ? '█' : top && bottom ? ' ' : top ? '▄' : '▀';
    }
    lines.push(line);
  }
  return lines;
}
