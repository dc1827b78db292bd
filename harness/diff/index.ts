/** The differ (PURE): prediction × observation → verdict, and the case-file expectation judge. */
export { diff, type DiffOptions } from './diff.ts';
export { filterVerdict, mergeStatus, mergeVerdicts, statusOf, type Verdict, type VerdictStatus } from './verdict.ts';
export { violationInfo, type FinalValue, type Violation, type ViolationType } from './violation.ts';
export {
  evaluateExpectation,
  type EntryStatus,
  type EntryVerdict,
  type ExpectationOptions,
  type ExpectationVerdict,
} from './evaluate-expectation.ts';
export { numberPoints, timeOf, type PointTimes } from './numbered-points.ts';
