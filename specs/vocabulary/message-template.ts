/**
 * Event message templates: the literal text every conformant kubelet prints, with typed holes for what only the
 * node knows — durations, image sizes, UIDs, namespace and node names, the pull error's name, runtime error texts
 * and probe output (KUBELET-FACTS Corrections 17, 18, 19, 25).
 *
 * A template is written as text, so a prediction reads the same in JSON and in `podconform predict`:
 *
 *     Successfully pulled image "busybox:1.36" in {duration} ({duration} including waiting). Image size: {bytes} bytes.
 *
 * `{NAME}` is a hole of type NAME (one of `holeTypes`); `{{` and `}}` stand for literal braces. An observed message
 * matches a template when some part of it does (FORMAT.md's "message substring", which also leaves room for the
 * event recorder's "(combined from similar events): " prefix), each hole matching only text of its type.
 */

/** The kinds of text only the node knows, each matched by its own pattern (`holePatterns`). */
export const holeTypes = ['duration', 'bytes', 'uid', 'namespace', 'node', 'pullReason', 'error', 'output'] as const;
export type HoleType = (typeof holeTypes)[number];

declare const templateBrand: unique symbol;

/** Template text (see the module comment); only the builders below make one, so literal braces are always escaped. */
export type MessageTemplate = string & { readonly [templateBrand]: true };

/** A hole, as passed to the `messageTemplate` tag. */
export interface Hole {
  readonly hole: HoleType;
}

/** One piece of a parsed template. */
export type TemplatePart =
  { readonly type: 'literal'; readonly text: string } | { readonly type: 'hole'; readonly hole: HoleType };

// Go's time.Duration.String(): "0s"; below a second an integer of 1–999 with an optional fraction (trailing zeros
// trimmed) and ns, µs or ms; from a second on [Hh][Mm]S[.fff]s, minutes present whenever hours are, each part
// unpadded. Both micro signs are accepted (U+00B5 is Go's; a Unicode normalisation turns it into U+03BC).
const fraction = String.raw`(?:\.\d*[1-9])?`;
const sixty = String.raw`(?:[1-5]?\d)`;
const goDurationPattern = [
  '0s',
  String.raw`[1-9]\d{0,2}${fraction}(?:ns|[µμ]s|ms)`,
  String.raw`[1-9]\d*h${sixty}m${sixty}${fraction}s`,
  String.raw`(?:[1-9]|[1-5]\d)m${sixty}${fraction}s`,
  String.raw`(?:[1-9]|[1-5]\d)${fraction}s`,
].join('|');

/** The regular expression (source) each hole type matches; every one is a non-capturing group. */
export const holePatterns: Readonly<Record<HoleType, string>> = {
  duration: `(?:-?(?:${goDurationPattern}))`,
  bytes: String.raw`(?:\d+)`,
  // a UUID from the API server, a static pod's hash, or whatever token another implementation uses
  uid: '(?:[0-9A-Za-z](?:[-0-9A-Za-z]*[0-9A-Za-z])?)',
  // a DNS label
  namespace: '(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)',
  // a DNS subdomain, upper case tolerated
  node: '(?:[A-Za-z0-9](?:[-A-Za-z0-9._]*[A-Za-z0-9])?)',
  // evalCRIPullErr (Correction 25)
  pullReason: '(?:ErrImagePull|RegistryUnavailable|SignatureValidationFailed)',
  error: String.raw`(?:[\s\S]*)`,
  output: String.raw`(?:[\s\S]*)`,
};

/** What each hole stands for, in one phrase. */
export const holeDescriptions: Readonly<Record<HoleType, string>> = {
  duration: 'a Go duration such as 843ms, 1.234s, 2m3.5s or 0s',
  bytes: 'a number of bytes (digits)',
  uid: "the pod's UID",
  namespace: "the pod's namespace (the manifest gave none)",
  node: 'the name of the node',
  pullReason: 'ErrImagePull, or RegistryUnavailable / SignatureValidationFailed where the runtime says so',
  error: "the runtime's error text (any text, possibly empty)",
  output: "the probe's output (any text, possibly empty)",
};

/** A value of each hole type, for filling a template into one concrete message (the model's nominal observation). */
export const holeExamples: Readonly<Record<HoleType, string>> = {
  duration: '1.05s',
  bytes: '2155812',
  uid: '00000000-0000-4000-8000-000000000000',
  namespace: 'default',
  node: 'node-1',
  pullReason: 'ErrImagePull',
  error: 'error from the runtime',
  output: '',
};

/** The holes, ready for the `messageTemplate` tag: `hole.duration`. */
export const hole: Readonly<Record<HoleType, Hole>> = Object.fromEntries(
  holeTypes.map((h) => [h, { hole: h }]),
) as Record<HoleType, Hole>;

function isHole(value: unknown): value is Hole {
  return typeof value === 'object' && value !== null && 'hole' in value;
}

function escapeLiteral(text: string): string {
  return text.replace(/[{}]/g, (brace) => brace + brace);
}

/**
 * The template tag: static text and interpolated strings or numbers are literal (braces escaped), interpolated
 * holes are holes. ``messageTemplate`Pulling image "${image}"` `` has no hole.
 */
export function messageTemplate(
  strings: TemplateStringsArray,
  ...values: ReadonlyArray<string | number | Hole>
): MessageTemplate {
  let text = escapeLiteral(strings[0] ?? '');
  values.forEach((value, i) => {
    text += isHole(value) ? `{${value.hole}}` : escapeLiteral(String(value));
    text += escapeLiteral(strings[i + 1] ?? '');
  });
  return text as MessageTemplate;
}

/** A message with no hole: exactly this text. */
export function literalTemplate(text: string): MessageTemplate {
  return escapeLiteral(text) as MessageTemplate;
}

/** The template of some parts. */
export function templateFromParts(parts: ReadonlyArray<TemplatePart>): MessageTemplate {
  return parts.map((p) => (p.type === 'hole' ? `{${p.hole}}` : escapeLiteral(p.text))).join('') as MessageTemplate;
}

export type TemplateParseResult =
  | { readonly status: 'ok'; readonly template: MessageTemplate; readonly parts: ReadonlyArray<TemplatePart> }
  | { readonly status: 'error'; readonly message: string };

/** Reads template text (e.g. from a saved prediction); adjacent literal text is merged into one part. */
export function parseMessageTemplate(text: string): TemplateParseResult {
  const parts: TemplatePart[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal !== '') parts.push({ type: 'literal', text: literal });
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '}') {
      if (text[i + 1] !== '}') return { status: 'error', message: `'${text}': a lone '}' at ${i} (write '}}')` };
      literal += '}';
      i++;
      continue;
    }
    if (c !== '{') {
      literal += c;
      continue;
    }
    if (text[i + 1] === '{') {
      literal += '{';
      i++;
      continue;
    }
    const end = text.indexOf('}', i);
    const name = end < 0 ? '' : text.slice(i + 1, end);
    if (!(holeTypes as ReadonlyArray<string>).includes(name)) {
      return {
        status: 'error',
        message: `'${text}': '${end < 0 ? text.slice(i) : text.slice(i, end + 1)}' at ${i} is not a hole (known: ${holeTypes.map((h) => `{${h}}`).join(', ')}; write '{{' for a brace)`,
      };
    }
    flush();
    parts.push({ type: 'hole', hole: name as HoleType });
    i = end;
  }
  flush();
  return { status: 'ok', template: text as MessageTemplate, parts };
}

interface Compiled {
  readonly parts: ReadonlyArray<TemplatePart>;
  readonly pattern: RegExp;
}

// Templates repeat across thousands of predictions; each is parsed and compiled once. Bounded like the image memo.
const compiled = new Map<string, Compiled>();
const compiledLimit = 10_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(template: MessageTemplate): Compiled {
  const known = compiled.get(template);
  if (known) return known;
  const parsed = parseMessageTemplate(template);
  if (parsed.status === 'error') throw new Error(`not a message template: ${parsed.message}`);
  const source = parsed.parts.map((p) => (p.type === 'hole' ? holePatterns[p.hole] : escapeRegExp(p.text))).join('');
  const entry = { parts: parsed.parts, pattern: new RegExp(source, 'u') };
  if (compiled.size >= compiledLimit) compiled.clear();
  compiled.set(template, entry);
  return entry;
}

/** The parts of a template; throws on text that is not one (a `MessageTemplate` made by the builders never is). */
export function templateParts(template: MessageTemplate): ReadonlyArray<TemplatePart> {
  return compile(template).parts;
}

/** Whether some part of `message` matches the template, each hole matching only text of its type. */
export function matchesTemplate(template: MessageTemplate, message: string): boolean {
  // Most messages have no hole and no brace: plain substring, nothing to parse or compile (the differ runs hot).
  if (!/[{}]/.test(template)) return message.includes(template);
  return compile(template).pattern.test(message);
}

/** Whether the template has no hole: it is plain text. */
export function isLiteralTemplate(template: MessageTemplate): boolean {
  return templateParts(template).every((p) => p.type === 'literal');
}

/**
 * The longest literal part of a template (the first of equals): text every message matching the template contains,
 * so a case file's `message:` substring may say it. Empty when the template is only holes.
 */
export function longestLiteralPart(template: MessageTemplate): string {
  let best = '';
  for (const p of templateParts(template)) if (p.type === 'literal' && p.text.length > best.length) best = p.text;
  return best;
}

/** One concrete message for a template: each hole filled from `values`, else from `holeExamples`. */
export function fillTemplate(template: MessageTemplate, values: Partial<Record<HoleType, string>> = {}): string {
  return templateParts(template)
    .map((p) => (p.type === 'literal' ? p.text : (values[p.hole] ?? holeExamples[p.hole])))
    .join('');
}
