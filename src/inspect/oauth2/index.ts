// inspect's OAuth 2.0 part (issue 18 item 7): loaded by the inspect command only.
export { inspectOAuth2, type OAuth2InspectReport, type OAuth2Finding, type OAuth2CheckId, type OAuth2TimelineStep } from './inspect-oauth2.js';
export { renderOAuth2, oauth2Json, type OAuth2InspectJson } from './render.js';
