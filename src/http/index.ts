// The network edge: one sender (undici), a record of what went and came back.
export * from './types.js';
export { sendHttp, type SendOptions } from './send.js';
export { firstHeaderValue } from './headers.js';
export { createDispatcher, readCaFile } from './dispatcher.js';
