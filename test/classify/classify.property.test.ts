import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, classifyAll } from '../../src/diagnose/classify/index.js';
import { nearCode } from '../../src/diagnose/classify/near-code.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblemFromTextUnguarded } from '../../src/diagnose/read-problem.js';
import { diagnosisJson, renderDiagnosis } from '../../src/diagnose/render.js';
import { secretsInText } from '../../src/diagnose/secrets-in-text.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { PLAIN } from '../../src/terminal/color.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(1000);
const SECRET = 'Sx9secretQ7consumerW3';

/** Words the tables know, so random text often holds a subject and a state near each other. */
const WORDS = ['signature', 'invalid', 'token', 'expired', 'consumer', 'key', 'ConsumerKey', 'InvalidSignature', 'nonce', 'used', 'already', 'timestamp', 'refused', 'read-only', 'rate limit', 'not', 'found', 'redirect_uri', 'code', 'redeemed', 'トークン', '無効', '署名', 'página', 'no es válido', 'ungültig', '요청 토큰', '无效', 'страницы', 'geçersiz', '.', ',', ' ', '\n', '"', "'", '_', '-', 'İ', '\u0307', '\ud800'];
const wordy = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), wordy);

describe('the message classifier on arbitrary text (fast-check)', () => {
  it(`never throws; what it names stands in the text (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const reading = classify(text);
        const all = classifyAll(text);
        if (reading === undefined) return;
        expect(all.length).toBeGreaterThan(0);
        for (const word of reading.words) expect(text).toContain(word);
        expect(text).toContain(reading.quoted);
        expect(reading.record.problem).not.toMatch(/^oauth2:/);
      }),
      { numRuns: RUNS },
    );
  });

  it(`a near code is always a standard code (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('signatur_invalid', 'token-used', 'TOKEN_EXPIRED', 'nonce used')), (value) => {
        const near = nearCode(value);
        if (near !== undefined) expect(near).toMatch(/^[a-z]+(?:_[a-z]+)+$/);
      }),
      { numRuns: RUNS },
    );
  });

  it(`a credential between the words is never quoted by the classifier (${RUNS} runs)`, () => {
    const carriers = fc.constantFrom(
      (s: string) => `The OAuth token ${s} is invalid`,
      (s: string) => `Token ${s} expired. ConsumerKey is invalid`,
      (s: string) => `signature ${s} did not match`,
      (s: string) => `Code ${s} was already redeemed.`,
    );
    fc.assert(
      fc.property(carriers, wordy, wordy, (carrier, before, after) => {
        const text = `${before} ${carrier(SECRET)} ${after}`;
        const reading = classify(text);
        if (reading) {
          for (const word of reading.words) expect(word).not.toContain(SECRET);
          expect(reading.quoted).not.toContain(SECRET);
        }
        // Read as plain text, the message shown is what the classifier quoted.
        const problem = readProblemFromTextUnguarded(text);
        if (problem?.classified === undefined || problem.source !== 'plain-text') return;
        const json = JSON.stringify(diagnosisJson(diagnose(problem, {}, { lang: 'en' })));
        expect(json).not.toContain(SECRET);
      }),
      { numRuns: RUNS },
    );
  });

  it(`a credential the paste names never reaches what explain prints, whatever the words (${RUNS} runs)`, () => {
    const carriers = fc.constantFrom(
      (s: string) => `oauth_problem=signatur_invalid&oauth_token_secret=${s}`,
      (s: string) => `{"error":"invalid_grant","error_description":"Code was already redeemed.","refresh_token":"${s}"}`,
      (s: string) => `error=invalid_client&error_description=Invalid+client+secret&client_secret=${s}`,
      (s: string) => `oauth_problem=The%20signature%20is%20invalid&oauth_consumer_secret=${s}`,
    );
    fc.assert(
      fc.property(carriers, wordy, wordy, (carrier, before, after) => {
        const text = `${before} ${carrier(SECRET)} ${after}`;
        const problem = readProblemFromTextUnguarded(text);
        if (problem === undefined) return;
        const redactor = new Redactor();
        for (const secret of secretsInText(text)) redactor.add(secret);
        const diagnosis = diagnose(problem, {}, { lang: 'en' });
        expect(JSON.stringify(diagnosisJson(diagnosis).problem.classified)).not.toContain(SECRET);
        expect(redactor.redact(JSON.stringify(diagnosisJson(diagnosis)))).not.toContain(SECRET);
        expect(redactor.redact(renderDiagnosis(diagnosis, PLAIN).join('\n'))).not.toContain(SECRET);
      }),
      { numRuns: RUNS },
    );
  });

  it('linear: 20 KB of words takes about ten times what 2 KB does, never a blow-up', () => {
    const unit = 'token signature invalid expired consumer key nonce used トークン 無効 página ';
    const time = (n: number): number => {
      const text = unit.repeat(n);
      const start = performance.now();
      for (let i = 0; i < 5; i++) classify(text);
      return performance.now() - start;
    };
    time(10);
    const small = time(25);
    const large = time(250);
    expect(large).toBeLessThan(small * 40 + 50);
  });
});
