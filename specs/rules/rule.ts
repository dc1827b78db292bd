/**
 * The shape of one lifecycle rule: what it says, where it comes from, how firmly it stands and where a
 * real kubelet parts from the documents. The catalogue (index.ts) is a plain array of these.
 */

/**
 * How far a rule can be trusted: `firm` (clear and uncontradicted), `vague` (no value or condition to
 * test precisely), `version-dependent` (feature gate, alpha/beta, or declared an implementation
 * detail), `disputed` (contradicted by another statement or by current Kubernetes), `inferred` (not
 * stated outright; follows from other rules, an example or the code).
 */
export type Standing = 'firm' | 'vague' | 'version-dependent' | 'disputed' | 'inferred';

/** Every standing, in the order reports list them. */
export const standings: ReadonlyArray<Standing> = ['firm', 'vague', 'version-dependent', 'disputed', 'inferred'];

/** The part of the pod's life a rule is about; the catalogue has one module per area. */
export type RuleArea =
  | 'images'
  | 'pulls'
  | 'init'
  | 'run'
  | 'hooks'
  | 'probes'
  | 'termination'
  | 'restart'
  | 'status'
  | 'events'
  | 'runtime-class'
  | 'credentials'
  | 'environment'
  | 'sidecars'
  | 'api';

/** Every area, in the order the pod meets them; renderers group by this order. */
export const ruleAreas: ReadonlyArray<RuleArea> = [
  'images',
  'pulls',
  'init',
  'run',
  'hooks',
  'probes',
  'termination',
  'restart',
  'sidecars',
  'status',
  'events',
  'runtime-class',
  'credentials',
  'environment',
  'api',
];

/** Where a rule was found: `documents` (shared/RULES.md, from the seed texts) or `kubelet` (KUBELET-FACTS.md). */
export type RuleOrigin = 'documents' | 'kubelet';

/** Every origin, in the order reports list them. */
export const ruleOrigins: ReadonlyArray<RuleOrigin> = ['documents', 'kubelet'];

/**
 * Evidence for a rule: a verbatim quote from a seed document, or a section of KUBELET-FACTS.md with the
 * kubelet function it describes.
 */
export type RuleSource =
  | { readonly type: 'document'; readonly file: string; readonly quote: string }
  | {
      readonly type: 'kubelet';
      /** e.g. `KUBELET-FACTS §5.2` or `Corrections 1` */
      readonly section: string;
      /** e.g. `pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer` */
      readonly code: string;
    };

/** Where the seed documents and a real kubelet disagree about a rule, each side in one sentence. */
export interface Divergence {
  readonly documented: string;
  readonly kubelet: string;
}

/** One rule of the pod lifecycle, as the model and the reports refer to it by id. */
export interface Rule {
  /** dotted, kebab-case segments: `init.sequential`, `kubelet.backoff.sequence` */
  readonly id: string;
  readonly area: RuleArea;
  /** the rule in the project's own words */
  readonly statement: string;
  readonly sources: ReadonlyArray<RuleSource>;
  readonly standing: Standing;
  /** why the standing is not `firm`, or what a firm rule leaves open */
  readonly standingNote?: string;
  readonly origin: RuleOrigin;
  /** false for pure functions and for anything a case file (FORMAT.md) cannot observe */
  readonly observable: boolean;
  readonly divergence?: Divergence;
}

/** The seed documents by their role, so rules can cite them without repeating hashed file names. */
export const seedFiles = {
  runNotes: '000_85e5190b78838d1a.txt',
  book: '001_965d9b682359a615.txt',
  hookNotes: '002_b78254599629269b.txt',
  concepts: '003_aa9535c0c132f4c6.txt',
  initNotes: '004_174418af09347490.txt',
} as const;

/** A document source: a seed file and a quote copied from it verbatim. */
export function quoted(file: (typeof seedFiles)[keyof typeof seedFiles], quote: string): RuleSource {
  return { type: 'document', file, quote };
}

/** A kubelet source: the KUBELET-FACTS section and the kubelet code it describes. */
export function kubeletFact(section: string, code: string): RuleSource {
  return { type: 'kubelet', section, code };
}

/** The grammar of rule ids: two or more dot-separated segments of lower-case kebab-case. */
export const ruleIdPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
