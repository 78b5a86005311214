// Clock skew for the engine. oidc-provider (lib/helpers/epoch_time.js) and
// jose read Date.now() directly, so the provider's clock cannot be passed in.
// Chosen: time is shifted per request. While the provider answers a request,
// Date.now() returns the real time plus that provider's skew (an
// AsyncLocalStorage store follows the request through every await); outside
// it — a client in the same process (demo, tests), other providers — sees the
// real time. So everything the provider stamps or checks agrees, as on a real
// server whose clock is off: the Date header, iat/exp/nbf of ID tokens and JWT
// access tokens, the expiry of codes and tokens, and the check of a client's
// assertion (a client_secret_jwt / private_key_jwt from "the future" is "jwt
// not active yet"). `new Date()` without arguments is not shifted; the engine
// does not use it.
import { AsyncLocalStorage } from 'node:async_hooks';

const skewed = new AsyncLocalStorage<() => number>();
const realNow = Date.now.bind(Date);
let installs = 0;

function shiftedNow(): number {
  const skewSec = skewed.getStore()?.() ?? 0;
  return realNow() + skewSec * 1000;
}

/** Installs the shifted Date.now() while at least one provider runs; the returned function removes it. */
export function installClock(): () => void {
  if (installs++ === 0) Date.now = shiftedNow;
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    if (--installs === 0) Date.now = realNow;
  };
}

/** Runs `work` (and everything it awaits) on the provider's clock: real time plus `skewSec()` seconds. */
export function onProviderClock<T>(skewSec: () => number, work: () => T): T {
  return skewed.run(skewSec, work);
}

/** The real time, whatever clock the caller runs on. */
export const realTime = (): number => realNow();
