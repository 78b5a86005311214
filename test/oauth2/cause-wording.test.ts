// Issue 18: a cause shown for an OAuth 2.0 answer is told in OAuth 2.0's
// terms (client_id, code, refresh token, RFC 6749), chosen by the problem's
// protocol from the cause's `oauth2` variant (data), English and Japanese.
// The table test covers every cause any OAuth 2.0 problem row or provider code
// can rank; the end-to-end test reads a real refusal of `serve --oauth2`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAUSES } from '../../src/knowledge/causes.js';
import { OAUTH2_PROBLEMS, OAUTH2_UNKNOWN_PROBLEM } from '../../src/knowledge/problems-oauth2.js';
import { providerCodes } from '../../src/knowledge/provider-codes.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { runBin } from '../helpers/cli.js';
import { serveOAuth2, type ServeProcess } from '../provider-oauth2/serve-process.js';

/** OAuth 1.0a's own words: in an OAuth 2.0 diagnosis they send the reader to the wrong protocol. */
const OAUTH1_WORDS = /(?<!OAuth 1\.0a (の)?)(consumer[ _]key|request[ -]token|oauth_(consumer_key|token|callback|verifier|signature)|コンシューマ|リクエスト・トークン)/i;

function oauth2CauseIds(): Set<string> {
  const ids = new Set<string>();
  for (const problem of [...OAUTH2_PROBLEMS, { ...OAUTH2_UNKNOWN_PROBLEM, code: 'oauth2:unknown' }]) for (const cause of problem.causes) ids.add(cause.id);
  for (const row of providerCodes()) {
    if (row.readBy !== 'oauth2' && !(row.maps ?? '').startsWith('oauth2:')) continue;
    for (const cause of row.overlay?.causes ?? []) ids.add(cause.id);
  }
  return ids;
}

describe('OAuth 2.0 wording of causes (data)', () => {
  it('every cause an OAuth 2.0 problem can rank has OAuth 2.0 text when its plain text speaks OAuth 1.0a, in both languages', () => {
    const ids = oauth2CauseIds();
    expect(ids.size).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const cause of CAUSES) {
      if (!ids.has(cause.id)) continue;
      const told = { title: cause.oauth2?.title ?? cause.title, confirm: cause.oauth2?.confirm ?? cause.confirm, fixes: cause.oauth2?.fixes ?? cause.fixes };
      const text = [told.title.en, told.title.ja, told.confirm.en, told.confirm.ja, ...told.fixes.flatMap((f) => [f.text.en, f.text.ja])].join('\n');
      if (OAUTH1_WORDS.test(text)) offenders.push(cause.id);
      if (cause.oauth2) for (const t of [cause.oauth2.confirm, ...(cause.oauth2.fixes ?? []).map((f) => f.text)]) expect(t.ja, cause.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(offenders).toEqual([]);
  });

  it("the variant is chosen by the protocol, not by rewriting text: one status-only 503, told for OAuth 1.0a and for OAuth 2.0", () => {
    const problem = { code: 'http:5xx', source: 'status-only', confidence: 'heuristic', parameters: {}, status: 503 } as const;
    for (const lang of ['en', 'ja'] as const) {
      const one = diagnose(problem, { observedAt: 0 }, { lang });
      const two = diagnose(problem, { observedAt: 0 }, { lang, protocol: 'oauth2' });
      expect(one.causes.map((c) => c.id)).toEqual(two.causes.map((c) => c.id));
      expect(JSON.stringify(one)).toMatch(OAUTH1_WORDS);
      expect(JSON.stringify(two)).not.toMatch(OAUTH1_WORDS);
      expect(two.problem.meaning).toContain('server_error');
      expect(two.causes.find((c) => c.id === 'provider-outage')?.confirm).toContain('temporarily_unavailable');
    }
  });
});

describe('flow against serve --oauth2 --outage: the ranked causes in OAuth 2.0 terms', () => {
  let serve: ServeProcess;
  beforeAll(async () => {
    serve = await serveOAuth2(['--auto-approve', '--outage', '503']);
  }, 30_000);
  afterAll(async () => {
    await serve.stop();
  });

  for (const lang of ['en', 'ja'] as const) {
    it(`--lang ${lang}: a 503 from the token endpoint`, async () => {
      const client = serve.line.clients[0];
      const result = await runBin(['flow', '--issuer', serve.line.issuer, '--client-id', client?.clientId ?? '', '--grant', 'client-credentials', '--json', '--lang', lang], { env: { OAUTH2_CLIENT_SECRET: client?.secret ?? '', OAUTH_DOCTOR_LEDGER: 'off' }, timeoutMs: 40_000 });
      expect(result.code, result.stderr).toBe(1);
      const report = JSON.parse(result.stdout) as { diagnosis: { problem: { code: string }; causes: { id: string; title: string; confirm?: string }[]; fixes?: unknown } };
      expect(report.diagnosis.causes.map((c) => c.id)).toContain('provider-outage');
      expect(JSON.stringify(report.diagnosis)).not.toMatch(OAUTH1_WORDS);
    });
  }
});
