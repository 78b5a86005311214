import type { Lang } from './lang.js';

/**
 * What a saved session holds when it recorded no refusal (issue 15 item 10):
 * a run interrupted with Ctrl-C, stopped by a network error or a timeout, or
 * one that succeeded. `explain --session` describes it instead of saying
 * "nothing to explain".
 */
type SessionOutcome = 'interrupted' | 'timed-out' | 'network' | 'stopped' | 'succeeded' | 'unknown';

export interface SessionSummary {
  readonly outcome: SessionOutcome;
  /** Legs that completed, by title, in order. */
  readonly completed: readonly string[];
  /** The leg in progress when the run stopped. */
  readonly stoppedAt?: string | undefined;
  /** The error code the run recorded (stable, e.g. `interrupted`, `callback-timeout`). */
  readonly errorCode?: string | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a flow --save record's steps and error; never throws. */
export function summarizeSession(value: unknown): SessionSummary {
  if (!isRecord(value)) return { outcome: 'unknown', completed: [] };
  const steps = Array.isArray(value['steps']) ? value['steps'].filter(isRecord) : [];
  const title = (s: Record<string, unknown>) => (typeof s['title'] === 'string' ? s['title'] : typeof s['name'] === 'string' ? s['name'] : '?');
  const completed = steps.filter((s) => s['ok'] === true).map(title);
  const failed = steps.find((s) => s['ok'] !== true);
  const error = isRecord(value['error']) ? value['error'] : undefined;
  const errorClass = typeof error?.['class'] === 'string' ? error['class'] : undefined;
  const errorCode = typeof error?.['code'] === 'string' ? error['code'] : undefined;
  const outcome: SessionOutcome =
    value['ok'] === true ? 'succeeded' : errorClass === 'interrupted' ? 'interrupted' : errorClass === 'timeout' ? 'timed-out' : errorClass === 'network' ? 'network' : error ? 'stopped' : 'unknown';
  return { outcome, completed, stoppedAt: failed ? title(failed) : undefined, errorCode };
}

const TEXT: Record<SessionOutcome, { en: string; ja: string }> = {
  interrupted: { en: 'The run was interrupted (Ctrl-C){at}: the provider refused nothing, so there is no problem to explain.', ja: '実行は中断されました（Ctrl-C）{at}。プロバイダは何も拒否していないため、説明する問題はありません。' },
  'timed-out': { en: 'The run timed out{at} ({code}): the provider refused nothing; the wait for the person or the callback ran out.', ja: '実行はタイムアウトしました{at}（{code}）。プロバイダは何も拒否していません。利用者またはコールバックの待ち時間が尽きました。' },
  network: { en: 'The run stopped on a network error{at} ({code}): the provider gave no answer to explain.', ja: 'ネットワーク・エラーで実行が止まりました{at}（{code}）。説明できるプロバイダの応答はありません。' },
  stopped: { en: 'The run stopped{at} ({code}) before the provider refused anything.', ja: 'プロバイダが何かを拒否する前に実行が止まりました{at}（{code}）。' },
  succeeded: { en: 'The run succeeded: every leg was accepted, there is no problem to explain.', ja: '実行は成功しました。すべてのレッグが受理され、説明する問題はありません。' },
  unknown: { en: 'The session records no refusal to explain.', ja: 'このセッションには説明できる拒否が記録されていません。' },
};

const AT = { en: ' during the {leg} leg', ja: '（{leg} の途中）' };
const DONE = { en: 'Completed before it stopped: {legs}.', ja: '停止前に完了したレッグ: {legs}。' };
const NEXT = { en: 'Run the flow again; add --save FILE to keep a session that explain can rank causes with.', ja: 'もう一度 flow を実行してください。--save FILE で、explain が原因の順位付けに使えるセッションを保存できます。' };

export function renderSessionSummary(summary: SessionSummary, lang: Lang): string[] {
  const at = summary.stoppedAt && summary.outcome !== 'succeeded' ? AT[lang].replace('{leg}', summary.stoppedAt) : '';
  const lines = [TEXT[summary.outcome][lang].replace('{at}', at).replace('{code}', summary.errorCode ?? '?')];
  if (summary.completed.length > 0 && summary.outcome !== 'succeeded') lines.push(DONE[lang].replace('{legs}', summary.completed.join(', ')));
  if (summary.outcome !== 'succeeded') lines.push(NEXT[lang]);
  return lines;
}
