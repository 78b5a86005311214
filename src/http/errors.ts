import { DoctorError } from '../errors.js';

/** Node and undici error codes, found anywhere along an error's cause chain. */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    visit((value as { cause?: unknown }).cause);
    const errors = (value as { errors?: unknown }).errors;
    if (Array.isArray(errors)) errors.forEach(visit);
  };
  visit(error);
  return codes;
}

function messages(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    parts.push(current.message);
    current = current.cause;
  }
  return parts.join(': ');
}

const TLS_MESSAGES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed certificate that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is signed by an unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is signed by an unknown authority',
  UNABLE_TO_GET_ISSUER_CERT: 'its certificate is signed by an unknown authority',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet (check this machine’s clock)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host name',
  CERT_REVOKED: 'its certificate has been revoked',
  ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak TLS on this port (is it plain http?)',
};

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Turns whatever the HTTP client threw into one DoctorError with a stable
 * code and one line of advice (httpie's habit). Class `network` → exit 3.
 */
export function networkError(error: unknown, url: string): DoctorError {
  if (error instanceof DoctorError) return error;
  const codes = errorCodes(error);
  const host = hostOf(url);
  const has = (...wanted: string[]) => codes.some((c) => wanted.includes(c));
  const make = (code: string, message: string, hint: string) => new DoctorError(code, 'network', message, { hint, cause: error });

  const tls = codes.find((c) => c in TLS_MESSAGES) ?? codes.find((c) => c.startsWith('ERR_SSL_') || c.startsWith('ERR_TLS_'));
  if (tls) {
    const why = TLS_MESSAGES[tls] ?? `the TLS handshake failed (${tls})`;
    return make('network-tls', `cannot make a trusted TLS connection to ${host}: ${why}`, 'if you trust this server, pass its CA certificate with --ca FILE (PEM); never turn verification off');
  }
  if (has('ECONNREFUSED')) return make('network-refused', `connection refused by ${host}`, 'is the server running and listening on that port? check the URL');
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA')) {
    return make('network-dns', `cannot resolve the host name ${new URL(url).hostname}`, 'check the spelling of the URL, your DNS, or your proxy settings (HTTPS_PROXY, NO_PROXY)');
  }
  if (has('UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT')) {
    return make('network-timeout', `no answer from ${host} in time`, 'the server may be down or slow; raise --timeout (e.g. --timeout 60s) to wait longer');
  }
  if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH')) {
    return make('network-reset', `the connection to ${host} was closed before the response was complete`, 'the server or a proxy dropped the connection; try again, or check the server’s logs');
  }
  if (has('EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL')) {
    return make('network-unreachable', `cannot reach ${host}: no route to it`, 'check your network connection and proxy settings');
  }
  if (codes.some((c) => c.startsWith('HPE_')) || has('UND_ERR_HEADERS_OVERFLOW', 'UND_ERR_INFO')) {
    return make('network-protocol', `${host} answered with something that is not valid HTTP`, 'check the URL’s scheme and port (http vs https)');
  }
  if (/proxy/i.test(messages(error))) {
    return make('network-proxy', `the proxy refused to connect to ${host} (${messages(error)})`, 'check HTTPS_PROXY / HTTP_PROXY, or list the host in NO_PROXY');
  }
  return make('network-error', `the request to ${host} failed: ${messages(error) || 'unknown error'}`, 'check the URL and your network');
}

export function timeoutError(url: string, timeoutMs: number): DoctorError {
  return new DoctorError('network-timeout', 'network', `no complete answer from ${hostOf(url)} within ${timeoutMs} ms`, {
    hint: 'the server may be down or slow; raise --timeout (e.g. --timeout 60s) to wait longer',
  });
}

export function interruptedError(): DoctorError {
  return new DoctorError('interrupted', 'interrupted', 'interrupted');
}
