/** Text to a YAML document ready to be read, or the parser's problems with their lines. */
import { LineCounter, parseDocument } from 'yaml';
import type { CaseProblem } from './case-file.ts';
import { Reader, type Field } from './yaml-reader.ts';

/** A document that parsed, with a reader over it, or every syntax problem. */
export type ParsedYaml =
  | { readonly status: 'ok'; readonly reader: Reader; readonly root: Field }
  | { readonly status: 'invalid'; readonly problems: ReadonlyArray<CaseProblem> };

/** Parses one YAML document; duplicate keys and a second document are syntax problems too. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => ({
      file,
      line: Math.max(1, lineCounter.linePos(error.pos[0]).line),
      field: '(yaml)',
      message: error.message.replace(/\s+/g, ' ').trim(),
    }));
    return { status: 'invalid', problems };
  }
  const reader = new Reader(file, doc, lineCounter);
  return { status: 'ok', reader, root: reader.root() };
}
