import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { call, fullFlow } from './helpers.js';

describe('smoke', () => {
  let provider: RunningProvider;
  beforeAll(async () => {
    provider = await startProvider();
  });
  afterAll(() => provider.close());

  it('runs the flow', async () => {
    const flow = await fullFlow(provider);
    const me = await call(provider, { method: 'GET', path: '/api/me', client: provider.consumer, token: flow.access });
    expect(me.status, me.body).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ screen_name: 'oauth_doctor_demo' });
  });
});
