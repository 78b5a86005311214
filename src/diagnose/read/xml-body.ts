import { providerCodeRecord } from '../../knowledge/provider-codes.js';
import { excerpt, type Finding } from './finding.js';
import { statFailFinding } from './json-body.js';
import { linkedInFinding } from './json-providers.js';
import { findingFromPhrase } from './phrase-match.js';
import { looksLikeHtml, visibleText } from './visible-text.js';

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** The first `<name …>` start tag, found with indexOf (untrusted input, no backtracking). */
function startTag(xml: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = xml.indexOf(`<${name}`, from);
    if (at === -1) return undefined;
    const after = xml[at + name.length + 1];
    if (after === ' ' || after === '>' || after === '/' || after === '\t' || after === '\n' || after === '\r') {
      const end = xml.indexOf('>', at);
      return end === -1 ? undefined : xml.slice(at, end + 1);
    }
    from = at + 1;
  }
}

function elementText(xml: string, name: string): string | undefined {
  const open = startTag(xml, name);
  if (open === undefined || open.endsWith('/>')) return undefined;
  const from = xml.indexOf(open) + open.length;
  const close = xml.indexOf(`</${name}>`, from);
  return close === -1 ? undefined : visibleText(xml.slice(from, close));
}

/**
 * XML bodies: Flickr / SmugMug 1.x `<rsp stat="fail"><err code="96" msg="…"/>`,
 * X v1 `<errors><error code="89">…</error></errors>` and the 2010
 * `<hash><request>…</request><error>Invalid / expired Token</error></hash>`,
 * LinkedIn v1 `<error><status>…<error-code>…<message>`;
 * otherwise known phrases in its text.
 */
export function readXmlBody(body: string, hostProvider: string | undefined): Finding | undefined {
  const xml = body.trim();
  if (!xml.startsWith('<') || looksLikeHtml(xml)) return undefined;
  const err = startTag(xml, 'err');
  const errCode = err ? attribute(err, 'code') : undefined;
  if (err && errCode && /^\d{1,6}$/.test(errCode)) return statFailFinding(errCode, attribute(err, 'msg'), hostProvider, 'xml-body');

  const linkedIn = linkedInXml(xml);
  if (linkedIn) return linkedIn;

  const error = startTag(xml, 'error');
  const xCode = error ? attribute(error, 'code') : undefined;
  // X's `<error code>` sits in `<errors>`; a lone `<error code>` from an unnamed host is not claimed for X.
  const xShaped = hostProvider === 'x' || (hostProvider === undefined && startTag(xml, 'errors') !== undefined);
  if (xCode && /^\d{1,6}$/.test(xCode) && xShaped) {
    const message = elementText(xml, 'error');
    return {
      code: `x:${xCode}`,
      providerCode: `x:${xCode}`,
      provider: 'x',
      source: 'xml-body',
      confidence: providerCodeRecord('x', xCode) ? 'mapped' : 'exact',
      parameters: {},
      message: message === undefined ? undefined : excerpt(message),
    };
  }
  const isXHash = startTag(xml, 'hash') !== undefined && startTag(xml, 'request') !== undefined;
  const provider = hostProvider ?? (isXHash ? 'x' : undefined);
  const errorText = elementText(xml, 'error');
  const finding = findingFromPhrase(errorText ?? visibleText(xml), 'xml-body', provider);
  return finding && errorText !== undefined ? { ...finding, message: excerpt(errorText) } : finding;
}

/** LinkedIn v1 (retired): `<error><status>401</status><timestamp>…</timestamp><request-id>…</request-id><error-code>0</error-code><message>[unauthorized]. …</message></error>`. */
function linkedInXml(xml: string): Finding | undefined {
  if (startTag(xml, 'request-id') === undefined || startTag(xml, 'error-code') === undefined) return undefined;
  const status = Number(elementText(xml, 'status'));
  const message = elementText(xml, 'message');
  if (message === undefined || !Number.isInteger(status) || status < 400 || status > 599) return undefined;
  return linkedInFinding(message, status, 'xml-body');
}
