/**
 * Observable points of a pod's life (shared/cases/FORMAT.md, "Observable points") and their
 * textual form `pod.gone`, `app.started`, `app.started#2`.
 */

export const podPointNames = ['created', 'deleteRequested', 'gone', 'initialized', 'ready', 'unready'] as const;
export type PodPointName = (typeof podPointNames)[number];

export const containerPointNames = [
  'pullStarted',
  'pulled',
  'pullFailed',
  'created',
  'started',
  'exited',
  'postStart.started',
  'postStart.finished',
  'preStop.started',
  'preStop.finished',
  'term',
  'kill',
  'ready',
  'unready',
  'startupProbe.succeeded',
  'startupProbe.ran',
  'livenessProbe.ran',
  'readinessProbe.ran',
] as const;
export type ContainerPointName = (typeof containerPointNames)[number];

/** A kind of point: of the pod, or of one named container. */
export type PointKind =
  | { readonly scope: 'pod'; readonly name: PodPointName }
  | { readonly scope: 'container'; readonly container: string; readonly name: ContainerPointName };

/** One occurrence of a point kind; `occurrence` counts from 1. */
export type PointRef = PointKind & { readonly occurrence: number };

/** The key of a point kind, e.g. `app.started`; occurrences are counted per key. */
export function pointKey(kind: PointKind): string {
  return kind.scope === 'pod' ? `pod.${kind.name}` : `${kind.container}.${kind.name}`;
}

/** The text of a point reference; the first occurrence is written bare (`app.started`), later ones `app.started#2`. */
export function formatPointRef(ref: PointRef): string {
  const key = pointKey(ref);
  return ref.occurrence === 1 ? key : `${key}#${ref.occurrence}`;
}

export type PointParseResult =
  { readonly status: 'ok'; readonly ref: PointRef } | { readonly status: 'error'; readonly message: string };

/** Parses `pod.gone`, `app.started`, `app.postStart.finished#3`. Container names are DNS labels and contain no dot. */
export function parsePointRef(text: string): PointParseResult {
  const hash = text.lastIndexOf('#');
  let body = text;
  let occurrence = 1;
  if (hash >= 0) {
    const n = text.slice(hash + 1);
    if (!/^[1-9][0-9]*$/.test(n)) {
      return { status: 'error', message: `'${text}': the occurrence after '#' must be a whole number from 1` };
    }
    occurrence = Number(n);
    body = text.slice(0, hash);
  }
  const dot = body.indexOf('.');
  if (dot <= 0) {
    return { status: 'error', message: `'${text}' is not a point: expected 'pod.NAME' or 'CONTAINER.NAME'` };
  }
  const owner = body.slice(0, dot);
  const name = body.slice(dot + 1);
  if (owner === 'pod') {
    if ((podPointNames as ReadonlyArray<string>).includes(name)) {
      return { status: 'ok', ref: { scope: 'pod', name: name as PodPointName, occurrence } };
    }
    return { status: 'error', message: `'${text}': unknown pod point '${name}' (known: ${podPointNames.join(', ')})` };
  }
  if ((containerPointNames as ReadonlyArray<string>).includes(name)) {
    return {
      status: 'ok',
      ref: { scope: 'container', container: owner, name: name as ContainerPointName, occurrence },
    };
  }
  return {
    status: 'error',
    message: `'${text}': unknown container point '${name}' (known: ${containerPointNames.join(', ')})`,
  };
}

export function samePointRef(a: PointRef, b: PointRef): boolean {
  return formatPointRef(a) === formatPointRef(b);
}
