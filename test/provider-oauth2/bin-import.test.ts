// The CLI bundles run through vm.Script, which cannot import(); oidc-provider
// is an ES module only. The bin lends its own import() (src/esm/import-esm.ts):
// this runs the built CLI down that path, so it cannot regress unseen.
import { afterEach, describe, expect, it } from 'vitest';
import { serveOAuth2, type ServeProcess } from './serve-process.js';

const started: ServeProcess[] = [];
afterEach(async () => {
  for (const serve of started.splice(0)) await serve.stop();
});

describe('the bin loads an ES-module-only package (oidc-provider) from a vm.Script bundle', () => {
  it('serve --oauth2 --json starts, answers discovery at both well-known paths, and stops cleanly on SIGTERM (exit 130, interrupted)', async () => {
    const serve = await serveOAuth2([]);
    started.push(serve);
    const { issuer, endpoints } = serve.line;
    expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const oidc = (await (await fetch(endpoints['discovery'] ?? '')).json()) as { issuer: string; token_endpoint: string };
    const rfc8414 = (await (await fetch(endpoints['authorizationServerMetadata'] ?? '')).json()) as { issuer: string };
    expect(oidc.issuer).toBe(issuer);
    expect(oidc.token_endpoint).toBe(`${issuer}/token`);
    expect(rfc8414.issuer).toBe(issuer);
    expect(serve.stderr()).not.toMatch(/ERR_VM_DYNAMIC_IMPORT|ExperimentalWarning|oidc-provider (WARNING|NOTICE)/);
    expect(await serve.stop()).toBe(130);
  });

  it('serve --oauth2 stops on Ctrl-C (SIGINT) with exit 130, as the README exit-code table says', async () => {
    const serve = await serveOAuth2([]);
    started.push(serve);
    const closed = new Promise<number | null>((resolve) => serve.child.on('close', (code) => resolve(code)));
    serve.child.kill('SIGINT');
    expect(await closed).toBe(130);
  });
});
