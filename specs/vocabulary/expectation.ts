/** What a case expects (FORMAT.md "Expectations"), typed; every part optional. */
import type { MessageTemplate } from './message-template.ts';
import type { PointRef } from './points.ts';
import type { ConditionStatus, ConditionType, ContainerStateName } from './status.ts';
import type { NumberMatcher, ValueMatcher } from './values.ts';

export interface ContainerExpectation {
  readonly container: string;
  readonly state?: ValueMatcher<ContainerStateName>;
  readonly reason?: ValueMatcher<string>;
  readonly exitCode?: NumberMatcher;
  readonly restartCount?: NumberMatcher;
  readonly ready?: ValueMatcher<boolean>;
  readonly everStarted?: ValueMatcher<boolean>;
}

export interface ConditionExpectation {
  readonly condition: ConditionType;
  readonly status?: ValueMatcher<ConditionStatus>;
  readonly reason?: ValueMatcher<string>;
}

export interface OrderExpectation {
  readonly before: PointRef;
  readonly after: PointRef;
}

/** `from`/`to`: bounds on t(to) − t(from); `between`: bounds on |t(a) − t(b)|. */
export type TimingExpectation =
  | {
      readonly type: 'from';
      readonly from: PointRef;
      readonly to: PointRef;
      readonly minSeconds?: number;
      readonly maxSeconds?: number;
    }
  | {
      readonly type: 'between';
      readonly a: PointRef;
      readonly b: PointRef;
      readonly minSeconds?: number;
      readonly maxSeconds?: number;
    };

/** An event matches when its reason matches, its container (if given) matches, and its message contains `message`. */
export interface EventExpectation {
  readonly reason: ValueMatcher<string>;
  readonly container?: ValueMatcher<string>;
  readonly message?: ValueMatcher<string>;
  /** the predicted template `message` was taken from, for people reading a derived case (a comment); never judged */
  readonly template?: MessageTemplate;
}

export interface Expectation {
  /** phase may hold a value outside the four phases in `documented` blocks (a document's wrong claim) */
  readonly phase?: ValueMatcher<string>;
  readonly gone?: ValueMatcher<boolean>;
  readonly status?: ValueMatcher<string>;
  readonly containers: ReadonlyArray<ContainerExpectation>;
  readonly conditions: ReadonlyArray<ConditionExpectation>;
  readonly order: ReadonlyArray<OrderExpectation>;
  readonly never: ReadonlyArray<PointRef>;
  readonly timing: ReadonlyArray<TimingExpectation>;
  readonly eventsPresent: ReadonlyArray<EventExpectation>;
  readonly eventsAbsent: ReadonlyArray<EventExpectation>;
}

export const emptyExpectation: Expectation = {
  containers: [],
  conditions: [],
  order: [],
  never: [],
  timing: [],
  eventsPresent: [],
  eventsAbsent: [],
};
