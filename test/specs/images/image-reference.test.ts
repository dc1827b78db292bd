import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImageReference } from '../../../specs/images/index.ts';
import {
  credentialKeyMatches,
  familiarName,
  normalizeImageReference,
  parseImageReference,
  sameImage,
} from '../../../specs/images/index.ts';

const hex = '45b23dee08af5e43a7fea6c4cf9c25ccf269ee113168c19722f87876677c5cb2';
const digest = `sha256:${hex}`;

describe('parseImageReference (image.name-forms, image.tag-syntax)', () => {
  const valid: ReadonlyArray<readonly [string, ImageReference]> = [
    ['pause', { path: 'pause' }],
    ['busybox:1.36', { path: 'busybox', tag: '1.36' }],
    ['example/mycontainer', { path: 'example/mycontainer' }],
    ['fictional.registry.example/imagename', { registry: 'fictional.registry.example', path: 'imagename' }],
    // a registry port is not a tag
    ['fictional.registry.example:10443/imagename', { registry: 'fictional.registry.example:10443', path: 'imagename' }],
    ['localhost:5000/app:latest', { registry: 'localhost:5000', path: 'app', tag: 'latest' }],
    ['localhost/app', { registry: 'localhost', path: 'app' }],
    ['registry.example/team/sub/app:v1', { registry: 'registry.example', path: 'team/sub/app', tag: 'v1' }],
    ['[::1]:5000/app', { registry: '[::1]:5000', path: 'app' }],
    ['Registry/app', { registry: 'Registry', path: 'app' }],
    ['busybox:LATEST', { path: 'busybox', tag: 'LATEST' }],
    ['busybox:_x', { path: 'busybox', tag: '_x' }],
    [`busybox:${'a'.repeat(128)}`, { path: 'busybox', tag: 'a'.repeat(128) }],
    [`busybox@${digest}`, { path: 'busybox', digest }],
    [`busybox:1.36@${digest}`, { path: 'busybox', tag: '1.36', digest }],
    [`r.io:5000/a/b:c@${digest}`, { registry: 'r.io:5000', path: 'a/b', tag: 'c', digest }],
    ['a__b/c--d/e.f_g', { path: 'a__b/c--d/e.f_g' }],
    [`busybox@sha512:${'ab'.repeat(64)}`, { path: 'busybox', digest: `sha512:${'ab'.repeat(64)}` }],
  ];
  it.each(valid)('%s parses', (ref, reference) => {
    expect(parseImageReference(ref)).toEqual({ status: 'ok', reference });
  });

  const invalid: ReadonlyArray<string> = [
    '',
    'Busybox',
    'BUSYBOX:latest',
    'registry.example/Team/app',
    'busybox:',
    'busybox:.x',
    'busybox:-x',
    `busybox:${'a'.repeat(129)}`,
    'busybox:a+b',
    'busybox@sha256:abc',
    `busybox@sha256:${hex.toUpperCase()}`,
    `busybox@md5:${hex}`,
    `busybox@constructor:${hex}`,
    `busybox@${hex}`,
    'a//b',
    '/busybox',
    'busybox/',
    'my-registry.io/',
    '-registry.io/app',
    'registry.io:port/app',
    'busy box',
    ' busybox',
    'a-/b',
    '_a',
    hex,
    `r.io/${'a'.repeat(260)}`,
  ];
  it.each(invalid)('%j is invalid', (ref) => {
    const parsed = parseImageReference(ref);
    expect(parsed.status).toBe('invalid');
    if (parsed.status === 'invalid') expect(parsed.message.length).toBeGreaterThan(0);
  });
});

describe('normalizeImageReference and sameImage (image.default-registry, image.default-tag-latest)', () => {
  it.each([
    'busybox',
    'busybox:latest',
    'library/busybox',
    'docker.io/busybox',
    'docker.io/library/busybox:latest',
    'index.docker.io/library/busybox',
  ])('%s is docker.io/library/busybox:latest', (ref) => {
    expect(normalizeImageReference(ref)).toBe('docker.io/library/busybox:latest');
    expect(sameImage(ref, 'busybox')).toBe(true);
  });

  it('keeps non-Hub registries and organisations as written', () => {
    expect(normalizeImageReference('myorg/app')).toBe('docker.io/myorg/app:latest');
    expect(normalizeImageReference('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(normalizeImageReference('quay.io/busybox')).toBe('quay.io/busybox:latest');
    expect(sameImage('quay.io/busybox', 'busybox')).toBe(false);
  });

  it('tells tags apart, letter case included', () => {
    expect(sameImage('busybox:1.36', 'busybox:1.35')).toBe(false);
    expect(sameImage('busybox:latest', 'busybox:LATEST')).toBe(false);
    expect(sameImage('busybox:1.36', 'docker.io/library/busybox:1.36')).toBe(true);
  });

  it('identifies a digest reference by repository and digest only (image.digest-pins-content)', () => {
    expect(normalizeImageReference(`busybox:1.36@${digest}`)).toBe(`docker.io/library/busybox@${digest}`);
    expect(sameImage(`busybox:1.36@${digest}`, `busybox@${digest}`)).toBe(true);
    expect(sameImage(`busybox:latest@${digest}`, `docker.io/library/busybox:1.36@${digest}`)).toBe(true);
    expect(sameImage(`busybox@${digest}`, 'busybox')).toBe(false);
    expect(sameImage(`busybox@${digest}`, 'busybox:latest')).toBe(false);
    expect(sameImage(`busybox@${digest}`, `alpine@${digest}`)).toBe(false);
    expect(sameImage(`busybox@${digest}`, `busybox@sha256:${'0'.repeat(64)}`)).toBe(false);
  });

  it('gives no key for an invalid reference, so it is nobody’s same image', () => {
    expect(normalizeImageReference('BUSYBOX')).toBeUndefined();
    expect(sameImage('BUSYBOX', 'BUSYBOX')).toBe(false);
  });
});

describe('familiarName', () => {
  it.each([
    ['docker.io/library/busybox:latest', 'busybox:latest'],
    ['index.docker.io/library/busybox', 'busybox'],
    ['busybox', 'busybox'],
    ['docker.io/myorg/app:1', 'myorg/app:1'],
    ['docker.io/library/team/app', 'library/team/app'],
    [`localhost:5000/app@${digest}`, `localhost:5000/app@${digest}`],
    ['BUSYBOX', 'BUSYBOX'],
  ])('%s → %s', (ref, familiar) => {
    expect(familiarName(ref)).toBe(familiar);
  });
});

// Reference-shaped strings: valid ones often, with mutations that break them now and then. Kept beside the test
// because generators/ belongs to other work; it is only an input source for these properties.
const registryArb = fc.option(
  fc.constantFrom(
    'docker.io',
    'index.docker.io',
    'localhost',
    'localhost:5000',
    'my-registry.io',
    'Registry.Example:443',
    '[::1]:5000',
    '127.0.0.1:5000',
  ),
  { nil: undefined },
);
const pathArb = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,6}(?:[._-][a-z0-9]{1,4})?$/), { minLength: 1, maxLength: 3 })
  .map((components) => components.join('/'));
const tagArb = fc.option(fc.oneof(fc.constant('latest'), fc.stringMatching(/^\w[\w.-]{0,10}$/)), { nil: undefined });
const digestArb = fc.option(
  fc.stringMatching(/^[a-f0-9]{64}$/).map((h) => `sha256:${h}`),
  { nil: undefined },
);
const wellFormedArb = fc
  .record({ registry: registryArb, path: pathArb, tag: tagArb, digest: digestArb })
  .map(
    ({ registry, path, tag, digest: d }) =>
      `${registry === undefined ? '' : `${registry}/`}${path}${tag === undefined ? '' : `:${tag}`}${d === undefined ? '' : `@${d}`}`,
  );
const mutatedArb = fc
  .tuple(wellFormedArb, fc.nat(), fc.string({ minLength: 0, maxLength: 3, unit: 'binary' }))
  .map(([ref, at, noise]) => ref.slice(0, at % (ref.length + 1)) + noise + ref.slice(at % (ref.length + 1)));
const referenceArb = fc.oneof(wellFormedArb, mutatedArb, fc.string({ unit: 'binary' }));

/** Several spellings of one Docker Hub image: registry, `library/` and `:latest` written or left out. */
const hubSpellingsArb = fc.tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/), tagArb, digestArb).chain(([name, tag, d]) => {
  const suffix = `${tag === undefined ? '' : `:${tag}`}${d === undefined ? '' : `@${d}`}`;
  const implicitLatest = tag === undefined && d === undefined ? [':latest'] : [];
  const prefixes = ['', 'library/', 'docker.io/', 'docker.io/library/', 'index.docker.io/library/'];
  const spellings = prefixes.flatMap((prefix) =>
    [suffix, ...implicitLatest].map((ending) => `${prefix}${name}${ending}`),
  );
  return fc.tuple(fc.constantFrom(...spellings), fc.constantFrom(...spellings));
});

describe('image reference properties', () => {
  it('parsing and the functions built on it never throw', () => {
    fc.assert(
      fc.property(referenceArb, referenceArb, (a, b) => {
        const parsed = parseImageReference(a);
        expect(['ok', 'invalid']).toContain(parsed.status);
        normalizeImageReference(a);
        familiarName(a);
        sameImage(a, b);
        credentialKeyMatches(b, a);
      }),
      { numRuns: 500 },
    );
  });

  it('sameImage is symmetric', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(referenceArb, referenceArb), hubSpellingsArb), ([a, b]) => {
        expect(sameImage(a, b)).toBe(sameImage(b, a));
      }),
    );
  });

  it('spellings of one Docker Hub image are the same image', () => {
    fc.assert(
      fc.property(hubSpellingsArb, ([a, b]) => {
        expect(sameImage(a, b)).toBe(true);
      }),
    );
  });

  it('normalizeImageReference is idempotent and its key names the same image', () => {
    fc.assert(
      fc.property(referenceArb, (ref) => {
        const key = normalizeImageReference(ref);
        if (key === undefined) return;
        expect(normalizeImageReference(key)).toBe(key);
        expect(sameImage(ref, key)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('the familiar name parses back to the same image', () => {
    fc.assert(
      fc.property(wellFormedArb, (ref) => {
        if (parseImageReference(ref).status === 'invalid') return;
        expect(sameImage(familiarName(ref), ref)).toBe(true);
      }),
    );
  });
});
