/**
 * What the compiler cannot act out on a flavour. Thrown deep in the compiler and caught once in
 * `compileManifest`, which turns it into the `unexpressible` outcome: it never escapes the module.
 */

/** The scenario needs something the manifest cannot express faithfully; `message` is the reason for the report. */
export class Unexpressible extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Unexpressible';
  }
}

/** A Kubernetes integer field: a fractional value has no manifest form. */
export function wholeSeconds(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new Unexpressible(`${field} is ${value}; the Pod API takes a whole number of seconds`);
  }
  return value;
}
