/**
 * The Events as `kubectl describe pod` lists them: one line per distinct event, repeats folded into a count and a
 * span the way the event recorder aggregates them (`(x3 over 40s)`), in order of first occurrence.
 */
import type { MessageTemplate, PredictedEvent, Prediction } from '../../../specs/vocabulary/index.ts';
import { roundSeconds } from './time-text.ts';

export interface FoldedEvent {
  readonly type: string;
  readonly reason: string;
  /** `default-scheduler` for Scheduled, else `kubelet` (KUBELET-FACTS §10) */
  readonly from: string;
  /** the container the event is about (its involvedObject fieldPath); absent for pod-level events */
  readonly container?: string;
  readonly message: MessageTemplate;
  readonly firstSeconds: number;
  readonly lastSeconds: number;
  readonly count: number;
}

function sourceOf(e: PredictedEvent): string {
  return e.reason === 'Scheduled' ? 'default-scheduler' : 'kubelet';
}

/** The nominal timeline's Events, repeats folded. */
export function foldEvents(prediction: Prediction): FoldedEvent[] {
  const folded: FoldedEvent[] = [];
  const index = new Map<string, number>();
  const nominal = prediction.events.filter((e) => e.nominal).sort((a, b) => a.atSeconds - b.atSeconds);
  for (const e of nominal) {
    const key = `${e.type}|${e.reason}|${e.container ?? ''}|${e.message}`;
    const at = roundSeconds(e.atSeconds);
    const i = index.get(key);
    const seen = i === undefined ? undefined : folded[i];
    if (i !== undefined && seen !== undefined) {
      folded[i] = { ...seen, lastSeconds: at, count: seen.count + 1 };
      continue;
    }
    index.set(key, folded.length);
    folded.push({
      type: e.type,
      reason: e.reason,
      from: sourceOf(e),
      ...(e.container !== undefined ? { container: e.container } : {}),
      message: e.message,
      firstSeconds: at,
      lastSeconds: at,
      count: 1,
    });
  }
  return folded;
}
