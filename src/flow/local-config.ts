import type { RunningProvider } from '../provider/index.js';
import type { FlowConfig } from './types.js';

/**
 * A flow against an embedded provider: its endpoints and consumer, HMAC-SHA1,
 * authorised over http (no person), callback on the loopback listener. The
 * demo and the flow tests start from this; `overrides` change single fields.
 */
export function localFlowConfig(provider: RunningProvider, overrides: Partial<FlowConfig> = {}): FlowConfig {
  const { requestToken, authorize, accessToken, resource } = provider.endpoints;
  return {
    provider: 'local',
    endpoints: { requestToken, authorize, accessToken, resource },
    client: { consumerKey: provider.consumer.key, consumerSecret: provider.consumer.secret },
    signatureMethod: 'HMAC-SHA1',
    callback: { kind: 'loopback' },
    authorize: 'http',
    probeAuthorize: false,
    ...overrides,
  };
}
