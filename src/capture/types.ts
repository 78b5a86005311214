/**
 * What a capture says happened, whatever it came from (a HAR file, a curl
 * command line, raw HTTP text): requests as they went on the wire and the
 * answers that came back. Parsers produce these; src/inspect/ reads them.
 */

import type { HeaderList } from '../http/headers.js';

export type { HeaderList };

export interface CapturedBody {
  /** The Content-Type header as sent; undefined when the request had none. */
  readonly contentType: string | undefined;
  readonly text: string;
  /** multipart/form-data fields (curl -F), which never contribute to the signature. */
  readonly multipartFields?: readonly (readonly [name: string, value: string])[] | undefined;
}

export interface CapturedRequest {
  readonly method: string;
  /** Absolute URL as sent, query included. */
  readonly url: string;
  readonly headers: HeaderList;
  readonly body?: CapturedBody | undefined;
  /**
   * Raw HTTP written with a path only says no scheme (issue 15 item 11): `port`
   * when the Host's port told it (:80 http, :443 https), `assumed` when nothing
   * did and https was taken; the signature check may then show it was http.
   */
  readonly schemeFrom?: 'port' | 'assumed' | undefined;
}

export interface CapturedResponse {
  readonly status: number;
  readonly headers: HeaderList;
  /** Body text (decoded from base64 when the capture stored it so), capped. */
  readonly body?: string | undefined;
}

export interface CapturedExchange {
  /** 0-based position among the exchanges kept. */
  readonly index: number;
  /** Where it came from, for messages: `entry 12`, `curl command 1`, `line 4`. */
  readonly origin: string;
  /** When the request started, ms since the epoch (HAR startedDateTime). */
  readonly startedAt?: number | undefined;
  /** Total time until the response was complete (HAR `time`). */
  readonly durationMs?: number | undefined;
  /** Time waiting for the server (HAR timings.wait). */
  readonly waitMs?: number | undefined;
  readonly request: CapturedRequest;
  readonly response?: CapturedResponse | undefined;
}

export type CaptureFormat = 'har' | 'curl' | 'http';

export interface Capture {
  readonly format: CaptureFormat;
  /** File name, `-` for stdin, or `--curl`. */
  readonly source: string;
  readonly exchanges: readonly CapturedExchange[];
  /** e.g. `Firefox 128.0` from HAR log.creator. */
  readonly creator?: string | undefined;
  /** Entries read in total (HAR), including those that never mention OAuth. */
  readonly totalEntries: number;
  /** Non-fatal oddities worth telling the user (a sanitised HAR, a truncated body). */
  readonly notes: readonly string[];
}

/** Headers as the diagnostics module's ProviderResponse wants them: lowercase names, repeated values as arrays. */
export function headerRecord(headers: HeaderList): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const existing = record[key];
    record[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return record;
}
