import { usageError } from '../../errors.js';
import { parseHttpUrl } from '../../oauth/base-string.js';

const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export interface Target {
  /** Upper-cased; undefined: GET, or POST when there is a body (as curl does). */
  readonly method: string | undefined;
  readonly url: string;
}

function checkMethod(method: string, where: string): string {
  if (!HTTP_TOKEN.test(method)) throw usageError('invalid-method', `${where} "${method}" is not an HTTP method`, 'use GET, POST, PUT, PATCH, DELETE, …');
  return method.toUpperCase();
}

/** `request [METHOD] URL`, with -X: -X wins; the same method twice is fine, two different ones are not. */
export function parseTarget(first: string, second: string | undefined, flag: string | undefined): Target {
  const positional = second === undefined ? undefined : checkMethod(first, 'METHOD');
  const url = second ?? first;
  try {
    parseHttpUrl(url, second === undefined ? 'URL' : 'URL');
  } catch {
    const hint = second === undefined && HTTP_TOKEN.test(first) ? `a method needs a URL after it: oauth-doctor request ${first} https://…` : 'give the full URL, e.g. https://api.example.com/1.1/account/verify_credentials.json';
    throw usageError('invalid-url', `"${url}" is not an absolute http(s) URL`, hint);
  }
  const fromFlag = flag === undefined ? undefined : checkMethod(flag, '-X');
  if (positional !== undefined && fromFlag !== undefined && positional !== fromFlag) {
    throw usageError('conflicting-methods', `METHOD ${positional} and -X ${fromFlag} disagree`, 'give the method once');
  }
  return { method: fromFlag ?? positional, url };
}
