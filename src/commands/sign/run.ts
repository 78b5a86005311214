import type { Environment } from '../../cli/environment.js';
import { resolveCredentials } from '../../cli/credentials.js';
import { createOutput } from '../../cli/output.js';
import { ExitCode, usageError, isDoctorError, DoctorError } from '../../errors.js';
import { parseHttpUrl } from '../../oauth/base-string.js';
import { signRequest, timestampFrom } from '../../oauth/sign-request.js';
import { curlCommand, describeSigningKey, renderSignedRequest } from './render.js';
import type { SignOptions } from './options.js';

const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function checkUrl(url: string | undefined): string {
  if (!url) throw usageError('missing-url', '--url is required', 'pass the absolute URL to sign, e.g. --url https://api.example.com/1/account');
  try {
    parseHttpUrl(url, '--url');
  } catch (error) {
    if (isDoctorError(error)) throw new DoctorError(error.code, 'usage', error.message, { hint: error.hint });
    throw error;
  }
  return url;
}

/** The flags that need no file or environment to check; each failure names its flag. */
function checkFlags(options: SignOptions): void {
  if (options.method !== undefined && !HTTP_TOKEN.test(options.method)) throw usageError('invalid-method', `--method "${options.method}" is not an HTTP method`, 'use GET, POST, PUT, DELETE, …');
  if (options.timestamp !== undefined && !/^\d+$/.test(options.timestamp)) {
    throw usageError('invalid-timestamp', `--timestamp "${options.timestamp}" is not a whole number of seconds`, 'e.g. --timestamp 1318622958');
  }
  // The realm is sent as a quoted-string (RFC 7230 §3.2.6): no control characters, no line breaks.
  if (options.realm !== undefined && /[\x00-\x08\x0A-\x1F\x7F]/.test(options.realm)) {
    throw usageError('invalid-realm', '--realm contains a control character or line break', 'give the realm as plain text, e.g. --realm Photos');
  }
}

/**
 * The method that is signed is the one the printed curl line sends (issue 15
 * item 1): without -X, a body means POST, as it does for curl; else GET.
 */
function signedMethod(options: Pick<SignOptions, 'method' | 'data'>): string {
  return options.method ?? (options.data !== undefined ? 'POST' : 'GET');
}

export async function runSign(options: SignOptions, env: Environment): Promise<ExitCode> {
  const url = checkUrl(options.url);
  checkFlags(options);
  const credentials = await resolveCredentials(options, env);
  if (credentials.tokenSecret !== undefined && credentials.token === undefined) {
    throw usageError('missing-token', 'a token secret was given without a token', 'pass --token or set OAUTH_TOKEN');
  }
  const output = await createOutput(env, { showSecrets: options.showSecrets });
  output.redactor.add(credentials.consumerSecret).add(credentials.privateKey?.passphrase).add(credentials.tokenSecret).add(credentials.token).add(options.verifier);

  const signed = signRequest({
    method: signedMethod(options),
    url,
    client: { consumerKey: credentials.consumerKey, consumerSecret: credentials.consumerSecret, privateKey: credentials.privateKey?.key },
    token: credentials.token === undefined ? undefined : { token: credentials.token, tokenSecret: credentials.tokenSecret ?? '' },
    signatureMethod: credentials.signatureMethod,
    timestamp: options.timestamp ?? timestampFrom(env.now()),
    nonce: options.nonce ?? env.nonce(),
    callback: options.callback,
    verifier: options.verifier,
    realm: options.realm,
    includeVersion: options.version,
    bodyHash: options.bodyHash,
    body: options.data === undefined ? undefined : { contentType: options.contentType ?? 'application/x-www-form-urlencoded', content: options.data },
  });
  // RFC 5849 §3.4.4: a PLAINTEXT signature is the key itself; short secrets make it a short value, masked as one.
  if (signed.signatureMethod === 'PLAINTEXT') output.redactor.add(signed.signature);

  const key = { consumerSecret: credentials.consumerSecret, tokenSecret: credentials.tokenSecret, reveal: !output.redactor.active };
  if (options.json) {
    output.json({
      method: signed.method,
      url: signed.url,
      wireUrl: signed.wireUrl,
      baseUri: signed.baseUri,
      signatureMethod: signed.signatureMethod,
      parameters: signed.parameters,
      normalizedParameters: signed.normalizedParameters,
      baseString: signed.baseString,
      signingKey: describeSigningKey(signed.signatureMethod, key),
      signature: signed.signature,
      authorization: signed.authorization,
      curl: curlCommand(signed),
      secretsMasked: output.redactor.active,
    });
    return ExitCode.Ok;
  }
  output.results(renderSignedRequest(signed, key, output.out));
  if (output.redactor.active && (credentials.token || options.verifier || credentials.signatureMethod === 'PLAINTEXT')) {
    output.narrate(output.err.dim('(secrets are masked; add --show-secrets for a runnable curl command)'));
  }
  return ExitCode.Ok;
}
