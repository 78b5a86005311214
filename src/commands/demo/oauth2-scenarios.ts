// The OAuth 2.0 failures everyone meets (issue 19 item 5), each made to
// happen for real: oauth-doctor's own OAuth 2 flow (runOAuth2Flow) against
// the embedded OAuth 2.0 provider (oidc-provider) with one fault switch set,
// then diagnosed by oauth-doctor's own OAuth 2 diagnosis from the run's
// evidence. The engine's reason for the refusal (its ground truth) scores it.
import type { CauseId } from '../../diagnose/types.js';
import type { Lang } from '../../diagnose/lang.js';
import { DoctorError } from '../../errors.js';
import { runOAuth2Flow } from '../../flow/oauth2/engine.js';
import { firstHeaderValue } from '../../http/headers.js';
import type { OAuth2FlowConfig, OAuth2Io, OAuth2Observer, OAuth2Outcome, OAuth2StepName } from '../../flow/oauth2/types.js';
import type { Text } from '../../knowledge/types.js';
import type { OAuth2Settings, RunningOAuth2Provider } from '../../provider/oauth2/index.js';
import type { DemoClock } from './scenarios.js';

/** Hooks a scenario puts into the client's world. */
export interface OAuth2Hooks {
  readonly now?: (() => number) | undefined;
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  readonly random?: ((bytes: number) => Uint8Array) | undefined;
  readonly askCallbackUrl?: (() => Promise<string>) | undefined;
  readonly observer?: OAuth2Observer | undefined;
  /** The wait for the person (the callback, device polling); default the demo's request timeout. */
  readonly waitTimeoutMs?: number | undefined;
}

export interface OAuth2World {
  readonly provider: RunningOAuth2Provider;
  /** Code with PKCE (S256), client_secret_basic, the approval over http, a loopback redirect on 127.0.0.1. */
  readonly config: OAuth2FlowConfig;
  /** The client's world; every io of one scenario shares one reuse ledger (as runs on one machine do). */
  io(hooks?: OAuth2Hooks): OAuth2Io;
  /** The client's clock (the provider's is real time plus its clockSkewSec). */
  readonly clock: DemoClock;
  readonly lang: Lang;
}

export interface OAuth2Expectation {
  /** The step that must be refused. */
  readonly step: OAuth2StepName;
  /** Problem codes that count as read right. */
  readonly problems: readonly string[];
  /** The cause that must rank first, and that the engine's ground truth must name. */
  readonly cause: CauseId;
}

export interface OAuth2Scenario {
  readonly id: string;
  readonly title: Text;
  readonly story: Text;
  /** The fault switches for this scenario (on top of --auto-approve). */
  readonly settings?: Partial<OAuth2Settings> | undefined;
  readonly expect: OAuth2Expectation;
  run(world: OAuth2World): Promise<OAuth2Outcome>;
}

const MINUTE = 60_000;
/** A registered loopback redirect (any port, RFC 8252 §7.3) the approval over http stops at; nothing listens there. */
const DEMO_REDIRECT_BASE = 'http://127.0.0.1:8765';

/** Random bytes that can be played again: the same session state (state, nonce, verifier) a second time. */
class RecordedRandom {
  readonly #taken: Uint8Array[] = [];
  #replay: Uint8Array[] | undefined;

  constructor(private readonly source: (bytes: number) => Uint8Array) {}

  readonly random = (bytes: number): Uint8Array => {
    const again = this.#replay?.shift();
    if (again !== undefined && again.length === bytes) return again;
    const fresh = this.source(bytes);
    this.#taken.push(fresh);
    return fresh;
  };

  /** From now on, hand out what was taken so far, in the same order. */
  replay(): void {
    this.#replay = [...this.#taken];
  }
}

/** The steps of two runs as one session, the second's outcome kept. */
function joined(first: OAuth2Outcome, second: OAuth2Outcome): OAuth2Outcome {
  return { ...second, steps: [...first.steps, ...second.steps] };
}

/** A run stopped on purpose by the scenario (not a failure of oauth-doctor). */
class ScenarioStop extends DoctorError {
  constructor() {
    super('demo-stopped', 'usage', 'stopped by the demo scenario');
  }
}

export const OAUTH2_SCENARIOS: readonly OAuth2Scenario[] = [
  {
    id: 'reused-code',
    title: { en: 'A reused authorization code', ja: '認可コードの再利用' },
    story: {
      en: 'The callback is handled twice (a reload of the callback page, a retried request): the app exchanges the same code again, with the same state and verifier.',
      ja: 'コールバックが二度処理されます（コールバック・ページの再読み込み、リクエストの再試行）。アプリは同じ state と verifier で同じコードをもう一度交換します。',
    },
    expect: { step: 'token', problems: ['oauth2:invalid_grant'], cause: 'reuse' },
    async run(world) {
      const random = new RecordedRandom(world.io().random);
      let callbackUrl: string | undefined;
      const observer: OAuth2Observer = {
        stepDone(step) {
          const hop = step.name === 'authorize' ? step.exchanges.at(-1) : undefined;
          const location = firstHeaderValue(hop?.response.headers, 'location');
          if (hop && location !== undefined) callbackUrl = new URL(location, hop.request.url).href;
        },
      };
      const first = await runOAuth2Flow(world.config, world.io({ random: random.random, observer }));
      const redirectUri = first.evidence.authorize?.redirectUri;
      if (!first.ok || callbackUrl === undefined || redirectUri === undefined) return first;
      random.replay();
      const url = callbackUrl;
      const second = await runOAuth2Flow({ ...world.config, authorize: 'print', callback: { kind: 'url', url: redirectUri } }, world.io({ random: random.random, askCallbackUrl: async () => url }));
      return joined(first, second);
    },
  },
  {
    id: 'expired-code',
    title: { en: 'An expired authorization code', ja: '認可コードの期限切れ' },
    story: {
      en: 'The person approves, then the app waits 2 minutes before exchanging the code (a breakpoint, a slow queue); this provider’s codes live 60 s (RFC 6749 §4.1.2: at most 10 minutes).',
      ja: 'ユーザーが承認した後、アプリがコードの交換まで 2 分待ちます（ブレークポイント、遅いキュー）。このプロバイダのコードの有効期間は 60 秒です（RFC 6749 §4.1.2: 最長 10 分）。',
    },
    settings: { codeTtlSec: 60 },
    expect: { step: 'token', problems: ['oauth2:invalid_grant'], cause: 'expiry' },
    run(world) {
      // Two minutes pass for both sides between the callback and the exchange: the client's clock and the provider's move together.
      const observer: OAuth2Observer = {
        stepDone(step) {
          if (step.name !== 'callback' || !step.ok) return;
          world.clock.offsetMs += 2 * MINUTE;
          world.provider.settings.clockSkewSec += 120;
        },
      };
      return runOAuth2Flow({ ...world.config, codeLifetimeSec: 60 }, world.io({ observer }));
    },
  },
  {
    id: 'redirect-mismatch',
    title: { en: 'A redirect_uri that differs between the legs', ja: '二つのレッグで異なる redirect_uri' },
    story: {
      en: 'The app authorises with http://127.0.0.1:8765/callback, but its token request sends http://localhost:8765/callback (two spellings of loopback in two places of the code); RFC 6749 §4.1.3 wants the same value.',
      ja: 'アプリは http://127.0.0.1:8765/callback で認可を受けますが、トークン・リクエストでは http://localhost:8765/callback を送ります（コードの二か所でループバックの書き方が違う）。RFC 6749 §4.1.3 は同じ値を求めます。',
    },
    expect: { step: 'token', problems: ['oauth2:invalid_grant'], cause: 'redirect-mismatch' },
    run(world) {
      const config: OAuth2FlowConfig = { ...world.config, callback: { kind: 'url', url: `${DEMO_REDIRECT_BASE}/callback` }, rehearsal: { exchangeTwice: false, tokenRedirectUri: `${DEMO_REDIRECT_BASE.replace('127.0.0.1', 'localhost')}/callback` } };
      return runOAuth2Flow(config, world.io());
    },
  },
  {
    id: 'lost-verifier',
    title: { en: 'A lost PKCE verifier', ja: 'PKCE の verifier の紛失' },
    story: {
      en: 'The app keeps the PKCE code_verifier in one server’s memory; the callback lands on another instance (or after a restart), which sends a verifier made afresh: it does not work out to the code_challenge sent (RFC 7636 §4.6).',
      ja: 'アプリは PKCE の code_verifier を一台のサーバーのメモリに保持しています。コールバックは別のインスタンス（または再起動後）に届き、新しく作った verifier を送ります。送った code_challenge にはなりません（RFC 7636 §4.6）。',
    },
    expect: { step: 'token', problems: ['oauth2:invalid_grant'], cause: 'pkce-verifier-mismatch' },
    run(world) {
      const fresh = Buffer.from(world.io().random(32)).toString('base64url');
      const config: OAuth2FlowConfig = { ...world.config, rehearsal: { exchangeTwice: false, codeVerifier: fresh } };
      return runOAuth2Flow(config, world.io());
    },
  },
  {
    id: 'replayed-refresh-token',
    title: { en: 'A replayed rotated refresh token', ja: 'ローテーション済みリフレッシュ・トークンの再送' },
    story: {
      en: 'The app refreshes, the provider rotates the refresh token, but the app kept the old one (a second process, a write that was lost) and refreshes with it again; reuse detection revokes the whole grant (RFC 9700 §4.14.2).',
      ja: 'アプリがリフレッシュし、プロバイダがリフレッシュ・トークンをローテーションしますが、アプリは古いものを持ち続け（別プロセス、失われた書き込み）、それで再びリフレッシュします。再利用の検出でグラント全体が取り消されます（RFC 9700 §4.14.2）。',
    },
    settings: { rotateRefreshToken: true },
    expect: { step: 'refresh', problems: ['oauth2:invalid_grant'], cause: 'reuse' },
    async run(world) {
      const first = await runOAuth2Flow({ ...world.config, then: ['refresh'] }, world.io());
      const rotated = first.rotation?.from;
      if (!first.ok || rotated === undefined) return first;
      const second = await runOAuth2Flow({ ...world.config, grant: 'refresh', refreshToken: rotated }, world.io());
      return joined(first, second);
    },
  },
  {
    id: 'skewed-assertion',
    title: { en: 'A client assertion from a clock 10 minutes off', ja: '10 分ずれた時計で作ったクライアント・アサーション' },
    story: {
      en: 'The app authenticates with client_secret_jwt (RFC 7523), an assertion valid for 60 s by this machine’s clock; the provider’s clock is 10 minutes ahead, so the assertion expired long ago there.',
      ja: 'アプリは client_secret_jwt（RFC 7523）で認証します。アサーションはこのマシンの時計で 60 秒有効ですが、プロバイダの時計は 10 分進んでいるため、向こうではとうに期限切れです。',
    },
    settings: { clockSkewSec: 600 },
    expect: { step: 'client-credentials', problems: ['oauth2:invalid_client'], cause: 'clock-skew' },
    run(world) {
      return runOAuth2Flow({ ...world.config, grant: 'client-credentials', clientAuth: 'client_secret_jwt', scope: undefined }, world.io());
    },
  },
  {
    id: 'consent-denied',
    title: { en: 'Consent denied', ja: '同意の拒否' },
    story: {
      en: 'The person presses Deny on the consent page; the provider sends the browser back with error=access_denied (RFC 6749 §4.1.2.1).',
      ja: 'ユーザーが同意ページで「拒否」を押します。プロバイダはブラウザを error=access_denied 付きで戻します（RFC 6749 §4.1.2.1）。',
    },
    settings: { consentDenied: true },
    expect: { step: 'callback', problems: ['oauth2:access_denied'], cause: 'user-denied' },
    run(world) {
      return runOAuth2Flow(world.config, world.io());
    },
  },
  {
    id: 'device-slow-down',
    title: { en: 'A device that polls too fast: slow_down', ja: 'ポーリングが速すぎるデバイス: slow_down' },
    story: {
      en: 'A TV app starts the device grant (RFC 8628) and polls the token endpoint every few milliseconds instead of every 5 s (the interval it was sent, taken as milliseconds); the provider answers slow_down.',
      ja: 'テレビ・アプリがデバイス・グラント（RFC 8628）を始め、送られた間隔 5 秒をミリ秒と取り違えて、数ミリ秒ごとにトークン・エンドポイントをポーリングします。プロバイダは slow_down と答えます。',
    },
    settings: { deviceIntervalSec: 5 },
    expect: { step: 'device-token', problems: ['oauth2:slow_down'], cause: 'rate-limited' },
    async run(world) {
      let slowedDown = false;
      const observer: OAuth2Observer = {
        stepDone(step) {
          if (step.name === 'device-token' && step.waitedOut === 'slow_down') slowedDown = true;
        },
      };
      // The interval read as milliseconds; the scenario ends at the first slow_down, the answer to diagnose.
      const sleep = async (ms: number) => {
        if (slowedDown) throw new ScenarioStop();
        await new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, ms / 1000)));
      };
      // Its sleeps are the interval read as milliseconds: the wait for the person is not what this scenario is about.
      const outcome = await runOAuth2Flow({ ...world.config, grant: 'device', scope: 'openid' }, world.io({ sleep, observer, waitTimeoutMs: 3_600_000 }));
      if (!(outcome.error instanceof ScenarioStop)) return outcome;
      const step = outcome.steps.findLast((s) => s.name === 'device-token');
      const exchange = step?.exchanges.at(-1);
      return { ...outcome, error: undefined, failure: { step: 'device-token', refusal: { error: 'slow_down', description: step?.notes[0]?.text, status: exchange?.response.status }, exchange } };
    },
  },
];
