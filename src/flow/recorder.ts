import type { Leg } from '../diagnose/types.js';
import { readLive } from '../exchange/reading.js';
import type { FlowObserver, FlowStep, LegFailure } from './types.js';

/** Each leg's title, for steps and headings. */
export const LEG_TITLES: Record<Leg, string> = {
  request_token: 'Request token',
  authorize: 'User authorisation',
  callback: 'Callback',
  access_token: 'Access token',
  resource: 'Protected resource',
};

/** Collects a run's steps, titled, and tells the observer as each one ends. */
export class Recorder {
  readonly steps: FlowStep[] = [];
  constructor(private readonly observer: FlowObserver | undefined) {}

  /** Records a step; an exchange is read here, once, as it arrives (src/exchange/reading.ts). */
  add(step: Omit<FlowStep, 'title' | 'reading'>): FlowStep {
    const full: FlowStep = { ...step, title: LEG_TITLES[step.name], reading: step.exchange ? readLive(step.exchange, step.name) : undefined };
    this.steps.push(full);
    this.observer?.stepDone?.(full);
    return full;
  }
}

/** Thrown inside the engine to stop at a failed leg; never leaves runFlow. */
export class StopAtFailure extends Error {
  constructor(readonly failure: LegFailure) {
    super(failure.message);
  }
}
