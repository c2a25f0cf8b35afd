import { banCheck } from './phases/ban.ts';
import { captchaCheck } from './phases/captcha.ts';
import { disposableCheck } from './phases/disposable-email.ts';
import { duplicateCheck } from './phases/duplicate.ts';
import { firstTimeCheck } from './phases/first-time.ts';
import { formCheck } from './phases/form-check.ts';
import { linkCheck } from './phases/links.ts';
import { modeCheck } from './phases/mode.ts';
import { rateLimit } from './phases/rate-limit.ts';
import type { Candidate, HoldReason, Phase, PhaseEnv, Verdict } from './phases/types.ts';
import { wordCheck } from './phases/words.ts';

/**
 * The order of the rules: cheap refusals first, the captcha (which spends a
 * challenge) after every other refusal, holds last. The first refusal stops the
 * pipeline; holds add up, and their reasons are shown to moderators.
 */
export const PIPELINE: readonly Phase[] = [
  formCheck,
  banCheck,
  duplicateCheck,
  rateLimit,
  wordCheck,
  captchaCheck,
  linkCheck,
  disposableCheck,
  firstTimeCheck,
  modeCheck,
];

export type PipelineResult =
  | { kind: 'accept' }
  | { kind: 'hold'; reasons: HoldReason[]; details: string[] }
  | (Extract<Verdict, { kind: 'reject' }> & { phase: string });

/** Runs the phases in order over one candidate. */
export async function runPipeline(
  c: Candidate,
  env: PhaseEnv,
  phases: readonly Phase[] = PIPELINE,
): Promise<PipelineResult> {
  const reasons: HoldReason[] = [];
  const details: string[] = [];
  for (const phase of phases) {
    const v = await phase.run(c, env);
    if (v.kind === 'reject') return { ...v, phase: phase.name };
    if (v.kind === 'hold') {
      reasons.push(v.reason);
      if (v.detail) details.push(v.detail);
    }
  }
  return reasons.length > 0 ? { kind: 'hold', reasons, details } : { kind: 'accept' };
}
