// inspect's OAuth 2.0 part (issue 18 item 7): loaded by the inspect command only.
export { inspectOAuth2, inspectOAuth2Steps } from './inspect-oauth2.js';
export { readSteps } from './steps.js';
export { renderOAuth2, oauth2Json } from './render.js';
