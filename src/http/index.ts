// The network edge: one sender (undici), a record of what went and came back.
export * from './types.js';
export { sendHttp, type SendOptions } from './send.js';
export { firstHeaderValue, headerValues } from './headers.js';
export { createDispatcher, readCaFile, type DispatcherOptions } from './dispatcher.js';
export { redirectStep, sameOrigin, isRedirect } from './redirect.js';
export { networkError } from './errors.js';
export { decodeBody, formatBytes } from './body.js';
