import { note } from '../../flow/notes.js';
import type { CauseId, Leg } from '../../diagnose/types.js';
import { resumeFlow, runFlow } from '../../flow/engine.js';
import type { FlowConfig, FlowIo, FlowOutcome, FlowStep } from '../../flow/types.js';
import { parseForm, formValue } from '../../oauth/form.js';
import type { ProviderOptions, RunningProvider } from '../../provider/index.js';
import type { Lang } from '../../diagnose/lang.js';
import type { Text } from '../../knowledge/types.js';
import { DEMO_TEXT } from './text.js';

/** The demo's clock: real time plus an offset the scenarios move (the provider and the client share it). */
export class DemoClock {
  offsetMs = 0;
  readonly now = (): number => Date.now() + this.offsetMs;
}

export interface ScenarioWorld {
  readonly provider: RunningProvider;
  /** A config for this provider: authorise over http, loopback callback, its consumer. */
  readonly config: FlowConfig;
  /** The world for the engine; `with` adds hooks. */
  io(hooks?: Partial<Pick<FlowIo, 'now' | 'person' | 'observer'>>): FlowIo;
  readonly clock: DemoClock;
  readonly lang: Lang;
}

export interface Expectation {
  readonly leg: Leg;
  /** Problem codes that count as read right. */
  readonly problems: readonly string[];
  /** The cause that must rank first (none for a scenario that must succeed). */
  readonly cause?: CauseId | undefined;
}

export interface Scenario {
  readonly id: string;
  readonly title: Text;
  /** What the scenario does, in one sentence for the reader. */
  readonly story: Text;
  readonly provider?: ProviderOptions | undefined;
  /** The clock offset the provider and client start at. */
  readonly startOffsetMs?: number | undefined;
  readonly expect: Expectation;
  /** Runs the failing session; the outcome's steps are the whole session (evidence), the last one failed. */
  run(world: ScenarioWorld): Promise<FlowOutcome>;
}

const MINUTE = 60_000;

function tokenFrom(body: string): string | undefined {
  return formValue(parseForm(body.trim()), 'oauth_token');
}

/** The classic failures, in the order a developer tends to meet them (issue 5). */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'reused-request-token',
    title: { en: 'A reused request token', ja: 'リクエスト・トークンの再利用' },
    story: {
      en: 'The app exchanges the same request token twice — a retried request, a double click, a second tab.',
      ja: 'アプリが同じリクエスト・トークンを二度交換します（リクエストの再試行、ダブルクリック、別タブ）。',
    },
    expect: { leg: 'access_token', problems: ['token_used', 'token_rejected'], cause: 'reuse' },
    async run(world) {
      const config = { ...world.config, endpoints: { ...world.config.endpoints, resource: undefined } };
      const first = await runFlow(config, world.io());
      if (!first.authorized) return first;
      const again = await resumeFlow(config, world.io(), first.authorized);
      return { ...again, steps: [...first.steps, ...again.steps], requestToken: first.requestToken, callback: first.callback, authorizeUrl: first.authorizeUrl };
    },
  },
  {
    id: 'expired-request-token',
    title: { en: 'An expired request token', ja: 'リクエスト・トークンの期限切れ' },
    story: {
      en: 'The person approves, then comes back 11 minutes later; this provider lets request tokens live 10 minutes (RFC 5849 §2.1: SHOULD be limited).',
      ja: 'ユーザーが承認してから 11 分後に戻ってきます。このプロバイダのリクエスト・トークンの有効期間は 10 分です（RFC 5849 §2.1: 期間を限るべき）。',
    },
    startOffsetMs: -11 * MINUTE,
    expect: { leg: 'access_token', problems: ['token_expired', 'token_rejected'], cause: 'expiry' },
    run(world) {
      // The request token is issued 11 minutes ago (clock offset −11 min); the access-token leg happens now.
      const person = { ...world.io().person, pause: async (leg: Leg) => void (leg === 'access_token' && (world.clock.offsetMs = 0)) };
      return runFlow(world.config, world.io({ person }));
    },
  },
  {
    id: 'revoked-access-token',
    title: { en: 'A revoked access token', ja: 'アクセス・トークンの取り消し' },
    story: {
      en: 'The flow succeeds, then the user revokes the app before it calls the API.',
      ja: 'フローは成功しますが、アプリが API を呼ぶ前にユーザーがアプリの許可を取り消します。',
    },
    expect: { leg: 'resource', problems: ['token_revoked', 'token_rejected'], cause: 'revocation' },
    run(world) {
      const observer = {
        stepDone(step: FlowStep) {
          const token = step.name === 'access_token' && step.ok && step.exchange ? tokenFrom(step.exchange.response.body) : undefined;
          if (token) world.provider.revokeToken(token);
        },
      };
      return runFlow(world.config, world.io({ observer }));
    },
  },
  {
    id: 'wrong-consumer-secret',
    title: { en: 'A wrong consumer secret', ja: 'コンシューマー・シークレットの誤り' },
    story: {
      en: 'The app signs with a consumer secret that is not the one issued (a copy-paste slip, another app’s secret). This provider answers like Jira, echoing the base string it computed: ours matches, so the key must be wrong.',
      ja: 'アプリが発行されたものと違うコンシューマー・シークレットで署名します（コピー＆ペーストの失敗、別アプリのシークレット）。このプロバイダは Jira のように自分で計算したベース文字列を返します。こちらのものと一致するので、違うのは鍵だとわかります。',
    },
    provider: { dialect: 'jira' },
    expect: { leg: 'request_token', problems: ['signature_invalid'], cause: 'wrong-secret' },
    run(world) {
      const config = { ...world.config, client: { ...world.config.client, consumerSecret: `${world.config.client.consumerSecret.slice(0, -3)}xyz` } };
      return runFlow(config, world.io());
    },
  },
  {
    id: 'clock-off',
    title: { en: 'A clock 10 minutes off', ja: '10 分ずれた時計' },
    story: {
      en: 'This machine’s clock runs 10 minutes slow, so every oauth_timestamp is 600 s in the past; the provider accepts ±300 s.',
      ja: 'このマシンの時計が 10 分遅れているため、oauth_timestamp はどれも 600 秒過去になります。プロバイダが受け付けるのは ±300 秒です。',
    },
    expect: { leg: 'request_token', problems: ['timestamp_refused'], cause: 'clock-skew' },
    run(world) {
      return runFlow(world.config, world.io({ now: () => world.clock.now() - 10 * MINUTE }));
    },
  },
  {
    id: 'wrong-verifier',
    title: { en: 'A wrong verifier', ja: 'verifier（PIN）の誤り' },
    story: {
      en: 'The person types a PIN from an earlier attempt; the app sends it with this attempt’s request token.',
      ja: 'ユーザーが前の試行の PIN を入力し、アプリがそれを今回のリクエスト・トークンと一緒に送ります。',
    },
    expect: { leg: 'access_token', problems: ['verifier_invalid'], cause: 'verifier-mismatch' },
    run(world) {
      return runFlow({ ...world.config, callback: { kind: 'oob' }, verifier: '4242-stale-pin' }, world.io());
    },
  },
  {
    id: 'x-request-token-invalid',
    title: { en: 'X: “The request token for this page is invalid”', ja: 'X:「このページのリクエスト・トークンが無効です」' },
    story: {
      en: 'The authorise page is opened twice (the back button, a reload, a second tab); on X the first visit uses the token up, and the second shows the “Whoa there!” page.',
      ja: '認可ページが二度開かれます（戻るボタン、再読み込み、別タブ）。X では最初の表示でトークンが使用済みになり、二度目には「エラーが発生しました」のページが出ます。',
    },
    provider: { dialect: 'x', authorizeMarksTokenUsed: true },
    expect: { leg: 'authorize', problems: ['token_used', 'token_rejected', 'token_expired'], cause: 'reuse' },
    async run(world) {
      let pageUrl: string | undefined;
      let firstVisit: FlowStep | undefined;
      const observer = {
        stepDone(step: FlowStep) {
          const token = step.name === 'request_token' && step.ok && step.exchange ? tokenFrom(step.exchange.response.body) : undefined;
          if (token) pageUrl = `${world.config.endpoints.authorize}?oauth_token=${encodeURIComponent(token)}`;
        },
      };
      const person = {
        ...world.io().person,
        // The first visit, in another tab: X shows the page and the token is used up; its redirect is not followed.
        pause: async (leg: Leg) => {
          if (leg !== 'authorize' || !pageUrl) return;
          const exchange = await world.io().send({ method: 'GET', url: pageUrl, headers: { accept: 'text/html' } });
          firstVisit = { name: 'authorize', title: 'User authorisation', ok: true, exchange, ms: exchange.totalMs, notes: [note(DEMO_TEXT.firstVisit[world.lang])] };
        },
      };
      const outcome = await runFlow(world.config, world.io({ observer, person }));
      if (!firstVisit) return outcome;
      const steps = [...outcome.steps];
      steps.splice(1, 0, firstVisit);
      return { ...outcome, steps };
    },
  },
];
