// Issue 14 item 1 / issue 15 item 11: raw HTTP written with a path says no
// scheme; https is assumed, and an exchange whose signature verifies only as
// http is read again as http. Read again, it lost its flow in a capture
// inspected whole (the flows were built from the exchanges as first read:
// flow 0, no event, no evidence of its legs); it keeps it now, as in the
// streamed report.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { signRequest } from '../../src/oauth/sign-request.js';

const SECRET = 'kd94hf93k423kf44';
const client = { consumerKey: 'ck', consumerSecret: SECRET };

function signed(method: string, path: string, token: { token: string; tokenSecret: string } | undefined, extra: Record<string, string>, nonce: string): string {
  return signRequest({ method, url: `http://api.example.com${path}`, client, token, signatureMethod: 'HMAC-SHA1', timestamp: '1718704800', nonce, ...extra }).authorization;
}

/** A three-legged flow over plain http, written as raw HTTP with paths and a Host without a port (so https is assumed). */
function capture(): string {
  const rt = { token: 'rt-1', tokenSecret: 'rs-1' };
  const at = { token: 'at-1', tokenSecret: 'as-1' };
  return [
    `POST /oauth/request_token HTTP/1.1\nHost: api.example.com\nAuthorization: ${signed('POST', '/oauth/request_token', undefined, { callback: 'oob' }, 'n1')}\n\n`,
    `HTTP/1.1 200 OK\nContent-Type: application/x-www-form-urlencoded\n\noauth_token=rt-1&oauth_token_secret=rs-1&oauth_callback_confirmed=true\n\n`,
    `POST /oauth/access_token HTTP/1.1\nHost: api.example.com\nAuthorization: ${signed('POST', '/oauth/access_token', rt, { verifier: 'v1' }, 'n2')}\n\n`,
    `HTTP/1.1 200 OK\nContent-Type: application/x-www-form-urlencoded\n\noauth_token=at-1&oauth_token_secret=as-1\n\n`,
    `GET /1.1/items/1.json HTTP/1.1\nHost: api.example.com\nAuthorization: ${signed('GET', '/1.1/items/1.json', at, {}, 'n3')}\n\n`,
    `HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"ok":true}\n`,
  ].join('');
}

interface Report {
  capture: { notes: string[] };
  flows: { id: number; events: unknown[] }[];
  exchanges: { flow: number; signatureCheck: { status: string } | null }[];
}

describe('an exchange read again as http keeps its flow', () => {
  for (const [how, env] of [['inspected whole', {}], ['streamed', { OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' }]] as const) {
    it(`${how}: every exchange in flow 1, each an event of it, each signature verified as http`, async () => {
      const result = await runCli(['inspect', '-', '--format', 'http', '--json', '--consumer-secret', SECRET], { input: capture(), env });
      const report = JSON.parse(result.stdout) as Report;
      expect(report.exchanges).toHaveLength(3);
      expect(report.exchanges.map((e) => e.signatureCheck?.status)).toEqual(['match', 'match', 'match']);
      expect(report.capture.notes.join('\n')).toMatch(/http/);
      expect(report.exchanges.map((e) => e.flow)).toEqual([1, 1, 1]);
      expect(report.flows).toHaveLength(1);
      expect(report.flows[0]?.events).toHaveLength(3);
    });
  }
});
