import { describe, expect, it } from 'vitest';
import { failed, note, passed, warning } from '../../src/flow/notes.js';
import { renderOAuth2Step } from '../../src/flow/oauth2/render.js';
import type { OAuth2StepRecord } from '../../src/flow/oauth2/types.js';
import { renderStep } from '../../src/flow/render.js';
import { stepJson } from '../../src/flow/report.js';
import type { FlowStep } from '../../src/flow/types.js';
import type { Palette } from '../../src/terminal/color.js';

// Colours as visible tags, so the test sees which part of a line got which.
const TAGGED: Palette = { bold: (t) => `<b>${t}</b>`, dim: (t) => `<dim>${t}</dim>`, red: (t) => `<red>${t}</red>`, green: (t) => `<green>${t}</green>`, yellow: (t) => `<y>${t}</y>`, cyan: (t) => `<c>${t}</c>` };

describe('issue 13: a step is rendered from its data', () => {
  const step: FlowStep = {
    name: 'callback',
    title: 'Callback',
    ok: false,
    // A remark that happens to end in ✓ is still a remark: layout follows `passed`, never the text.
    notes: [passed('oauth_verifier received'), note('the provider said ✓')],
    error: { code: 'permission_denied', kind: 'callback-denied', message: 'the person denied access' },
  };

  it('a passed check gets a green ✓, a remark is dim, whatever its words', () => {
    expect(renderStep(step, TAGGED, { verbose: false, mask: (v) => v })).toEqual(['  <green>✓</green> oauth_verifier received', '  <dim>the provider said ✓</dim>', '  <red>✗</red> the person denied access']);
  });

  it('--json keeps the notes as text (a passed check ends in ✓) and codes the error with its problem and kind', () => {
    const json = stepJson(step);
    expect(json.notes).toEqual(['oauth_verifier received ✓', 'the provider said ✓']);
    expect(json.error).toEqual({ code: 'permission_denied', kind: 'callback-denied', message: 'the person denied access' });
  });
});

describe('issue 13: an OAuth 2.0 step\'s notes are rendered from their kind, in the one place OAuth 1.0a\'s are', () => {
  const step: OAuth2StepRecord = {
    name: 'discovery',
    title: 'Discovery',
    ok: true,
    exchanges: [],
    working: [],
    // Each kind once, and a remark whose words start with a mark: the kind decides, never the text.
    notes: [passed('openid-configuration: issuer matches'), failed('nonce: nonce differs from the one sent'), warning('no code_challenge_methods_supported'), note('✓ said the server'), note('issuer "\u001b[2Jevil"')],
  };

  it('✓ green, ✗ red, ! yellow, a remark dim whatever its words; text from outside cannot drive the terminal', () => {
    expect(renderOAuth2Step(step, TAGGED, { verbose: false, mask: (v) => v })).toEqual([
      '  <green>✓</green> openid-configuration: issuer matches',
      '  <red>✗</red> nonce: nonce differs from the one sent',
      '  <y>!</y> no code_challenge_methods_supported',
      '  <dim>✓ said the server</dim>',
      '  <dim>issuer "\\x1b[2Jevil"</dim>',
    ]);
  });
});

