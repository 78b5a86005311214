export * from './types.js';
export * from './form.js';
export * from './percent-encode.js';
export * from './base-string.js';
export * from './signature.js';
export * from './authorization-header.js';
export * from './sign-request.js';
