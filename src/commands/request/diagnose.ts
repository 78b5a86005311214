import type { KeyObject } from 'node:crypto';
import { captureFromExchange } from '../../capture/live.js';
import { diagnose } from '../../diagnose/diagnose.js';
import type { Lang } from '../../diagnose/lang.js';
import type { Diagnosis } from '../../diagnose/types.js';
import { clockOffsetOf } from '../../exchange/evidence.js';
import { readLive } from '../../exchange/reading.js';
import type { HttpExchange } from '../../http/types.js';
import { inspectCapture } from '../../inspect/inspect.js';
import type { SignatureCheck } from '../../inspect/signature/check.js';

export interface RefusalDiagnosis {
  readonly diagnosis: Diagnosis;
  /** inspect's signature check of the request just sent: with an echoed base string, the server's variant and first difference. */
  readonly signatureCheck: SignatureCheck | undefined;
}

export interface SigningMaterial {
  readonly consumerSecret: string;
  readonly tokenSecret: string | undefined;
  /** RSA: the key that signed; its public half checks. */
  readonly privateKey: KeyObject | undefined;
}

/**
 * A refusal, diagnosed as `explain` would with this request as evidence —
 * by inspect's own core on the exchange just made (one model for the same
 * bytes): the problem read from the response, the base string we signed
 * against any the server echoed (debug_sbs, oauth_signature_base_string, a
 * base string quoted in prose) with the first difference and the variant
 * that explains it, the clock offset from the Date header, and inspect's
 * checks of the request (method against signature length, …).
 */
export function diagnoseRefusal(exchange: HttpExchange, material: SigningMaterial, lang: Lang): RefusalDiagnosis {
  const publicKey = material.privateKey ? process.getBuiltinModule('node:crypto').createPublicKey(material.privateKey) : undefined;
  const report = inspectCapture(captureFromExchange(exchange), {
    lang,
    consumerSecret: publicKey ? undefined : material.consumerSecret,
    tokenSecret: material.tokenSecret,
    publicKey,
  });
  const refused = report.findings.find((f) => f.kind === 'provider-refused') ?? report.findings[0];
  if (refused) return { diagnosis: refused.diagnosis, signatureCheck: refused.signatureCheck ?? report.exchanges[0]?.signatureCheck };
  // Nothing inspect recognised: the status alone, with the clock as evidence.
  const diagnosis = diagnose(
    { code: 'unrecognised-response', source: 'status-only', confidence: 'heuristic', parameters: {}, status: exchange.response.status, message: `the server answered ${exchange.response.status}` },
    { observedAt: exchange.startedAt, clockOffsetSec: clockOffsetOf(readLive(exchange, 'resource')) },
    { lang },
  );
  return { diagnosis, signatureCheck: report.exchanges[0]?.signatureCheck };
}
