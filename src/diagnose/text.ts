import { EVIDENCE_TEXT, type EvidenceKey } from '../knowledge/evidence-text.js';
import type { Text } from '../knowledge/types.js';
import type { Lang } from './lang.js';

/** Fills `{name}` placeholders; unknown names stay visible rather than vanish. */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

export function pick(text: Text, lang: Lang): string {
  return text[lang];
}

export function say(key: EvidenceKey, lang: Lang, values?: Readonly<Record<string, string | number>>): string {
  return fill(EVIDENCE_TEXT[key][lang], values);
}

/** `42 s`, `7 min`, `3 h`, `2 days`; Japanese units likewise. */
export function formatDuration(seconds: number, lang: Lang): string {
  const s = Math.round(Math.abs(seconds));
  const units: [number, string, string][] = [
    [86_400, ' days', ' 日'],
    [3_600, ' h', ' 時間'],
    [60, ' min', ' 分'],
  ];
  for (const [size, en, ja] of units) {
    if (s >= size * 2) return `${Math.round(s / size)}${lang === 'ja' ? ja : en}`;
  }
  return `${s}${lang === 'ja' ? ' 秒' : ' s'}`;
}

/** Seconds since the epoch as an ISO-8601 UTC time, or the number itself when out of range. */
export function isoFromSeconds(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isFinite(date.getTime()) ? date.toISOString().replace('.000Z', 'Z') : String(seconds);
}
