// Issue 14 #13: the callback listener kept every request it turned away, so
// 40,000 bad requests made one 2.5 MB line on stderr and in --json. It now
// keeps a count and the first few. Real sockets on 127.0.0.1.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startCallbackListener, TURNED_AWAY_SHOWN } from '../../src/flow/callback-listener.js';
import { DoctorError } from '../../src/errors.js';

const BAD_REQUESTS = 4000;

/** Sends `count` bad requests (another path, a wrong token), `concurrency` at a time, each on its own connection. */
async function flood(port: number, count: number, concurrency = 32): Promise<void> {
  let next = 0;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      const path = i % 2 ? `/elsewhere-${i}` : `/callback?oauth_token=wrong-${i}`;
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
      socket.on('data', () => undefined);
      socket.end(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await one(next++);
    }),
  );
}

describe('the callback listener counts what it turned away', () => {
  it(`${BAD_REQUESTS} bad requests, then the right callback: the first ${TURNED_AWAY_SHOWN} and a count`, async () => {
    const controller = new AbortController();
    const listener = await startCallbackListener({ signal: controller.signal, now: Date.now });
    const port = Number(new URL(listener.url).port);
    const waiting = listener.wait('right-token', 60_000);
    await flood(port, BAD_REQUESTS);
    const socket = connect(port, '127.0.0.1');
    socket.on('data', () => undefined);
    socket.end(`GET /callback?oauth_token=right-token&oauth_verifier=v HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const received = await waiting;
    expect(received.ignoredCount).toBe(BAD_REQUESTS);
    expect(received.ignored).toHaveLength(TURNED_AWAY_SHOWN);
    expect(received.ignoredSummary).toContain(`(and ${(BAD_REQUESTS - TURNED_AWAY_SHOWN).toLocaleString('en-US')} more)`);
    expect(received.ignoredSummary.length).toBeLessThan(600);
  }, 60_000);

  it('a wait that times out after the flood says how many in one short hint', async () => {
    const controller = new AbortController();
    const listener = await startCallbackListener({ signal: controller.signal, now: Date.now });
    const port = Number(new URL(listener.url).port);
    // Requests before the wait are turned away and counted too.
    await flood(port, 1000);
    const error = await listener.wait('right-token', 200).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoctorError);
    const hint = (error as DoctorError).hint ?? '';
    expect(hint).toMatch(/^turned away 1000: /);
    expect(hint).toContain('(and 995 more)');
    expect(hint.length).toBeLessThan(600);
  }, 30_000);
});
