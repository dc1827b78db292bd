/**
 * Admits scenarios to the shared node one world at a time: a scenario starts when its image plan is compatible
 * with every scenario still running, in arrival order (a waiting scenario is never overtaken, so a registry-down
 * scenario is not starved by a stream of registry-up ones).
 */
import { plansCompatible, type ImagePlan } from './image-plan.ts';

interface Waiter {
  readonly plan: ImagePlan;
  readonly admit: () => void;
}

export class WorldGate {
  private readonly running = new Set<{ readonly plan: ImagePlan }>();
  private readonly queue: Waiter[] = [];

  /** Resolves with the release function once the plan may run. */
  acquire(plan: ImagePlan): Promise<() => void> {
    return new Promise((resolve) => {
      const token = { plan };
      this.queue.push({
        plan,
        admit: () => {
          this.running.add(token);
          resolve(() => {
            this.running.delete(token);
            this.pump();
          });
        },
      });
      this.pump();
    });
  }

  /** How many scenarios hold the node now. */
  get holders(): number {
    return this.running.size;
  }

  private pump(): void {
    for (;;) {
      const next = this.queue[0];
      if (next === undefined) return;
      for (const held of this.running) if (!plansCompatible(held.plan, next.plan)) return;
      this.queue.shift();
      next.admit();
    }
  }
}
