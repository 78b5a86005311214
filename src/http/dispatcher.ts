import { rootCertificates } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { usageError } from '../errors.js';
import { readTextFile } from '../files/read-text-file.js';

export interface DispatcherOptions {
  /** Environment variables (the injected world, not process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Extra CA certificates (PEM) to trust besides the system roots. */
  readonly ca?: string | undefined;
  readonly timeoutMs: number;
}

/** Loopback never goes through a proxy: a proxy cannot reach our callback listener or the embedded provider. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * One undici dispatcher for a run: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either
 * case) read from the injected environment, loopback always direct, `--ca`
 * added to the public roots (not replacing them), and every wait — connect,
 * headers, gap in the body — bounded by the timeout.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const pick = (...names: string[]) => names.map((n) => options.env[n]).find((v) => v !== undefined && v !== '') ?? '';
  const tls = options.ca === undefined ? {} : { ca: [...rootCertificates, options.ca] };
  return new EnvHttpProxyAgent({
    httpProxy: pick('http_proxy', 'HTTP_PROXY'),
    httpsProxy: pick('https_proxy', 'HTTPS_PROXY'),
    noProxy: [pick('no_proxy', 'NO_PROXY'), ...LOOPBACK].filter(Boolean).join(','),
    connect: { ...tls, timeout: options.timeoutMs },
    requestTls: tls,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connections: 4,
  });
}

/** Reads `--ca FILE` and checks it holds at least one PEM certificate. */
export function readCaFile(path: string, cwd: string): string {
  const pem = readTextFile(path, cwd, { code: 'ca-unreadable', shown: `--ca ${path}`, hint: 'give the path of a PEM CA certificate' });
  try {
    new X509Certificate(pem);
  } catch {
    throw usageError('ca-invalid', `--ca ${path} is not a PEM certificate`, 'give a file starting with -----BEGIN CERTIFICATE-----');
  }
  return pem;
}
