import { describe, expect, it } from 'vitest';
import {
  fillTemplate,
  hole,
  holeExamples,
  holePatterns,
  holeTypes,
  isLiteralTemplate,
  literalTemplate,
  longestLiteralPart,
  matchesTemplate,
  messageTemplate,
  parseMessageTemplate,
  templateFromParts,
  templateParts,
  type HoleType,
} from '../../../specs/vocabulary/index.ts';

function holeMatches(type: HoleType, text: string): boolean {
  return new RegExp(`^${holePatterns[type]}$`, 'u').test(text);
}

describe('hole types', () => {
  it('duration: exactly what Go time.Duration.String prints', () => {
    for (const d of [
      '0s',
      '843ms',
      '1.234s',
      '2m3.5s',
      '1h0m0s',
      '1h2m3s',
      '5ns',
      '1.5µs',
      '300ms',
      '59.999s',
      '2m0s',
    ]) {
      expect(holeMatches('duration', d), d).toBe(true);
    }
    // pre-1.30 kubelets printed nanoseconds; still a Go duration
    expect(holeMatches('duration', '1.234567891s')).toBe(true);
    for (const d of ['0.5s', '1.50s', '60s', '2m60s', '1h3s', 'ms', '12', '1.2 s', '01s', '2x', '1000ms', '', 'fast']) {
      expect(holeMatches('duration', d), d).toBe(false);
    }
  });

  it('bytes: digits only', () => {
    expect(holeMatches('bytes', '5101567')).toBe(true);
    expect(holeMatches('bytes', '0')).toBe(true);
    for (const b of ['', '5 MB', '-1', '1.5', '12a']) expect(holeMatches('bytes', b), b).toBe(false);
  });

  it('uid: a UUID, a hash, or a short token; never spaces or parentheses', () => {
    for (const u of ['6f1c0d52-1b4e-4a8e-9a39-1c2b3d4e5f60', '3b2c9f0e8d7a6b5c4d3e2f1a0b9c8d7e', 'uid']) {
      expect(holeMatches('uid', u), u).toBe(true);
    }
    for (const u of ['', 'a b', 'x)', '(x', '-x']) expect(holeMatches('uid', u), u).toBe(false);
  });

  it('namespace: a DNS label; node: a host name', () => {
    expect(holeMatches('namespace', 'default')).toBe(true);
    expect(holeMatches('namespace', 'kube-system')).toBe(true);
    for (const n of ['', 'Default', 'a/b', 'a_b', '-x']) expect(holeMatches('namespace', n), n).toBe(false);
    expect(holeMatches('node', 'ip-10-0-0-1.ec2.internal')).toBe(true);
    expect(holeMatches('node', 'kind-control-plane')).toBe(true);
    for (const n of ['', 'a b', 'a/b']) expect(holeMatches('node', n), n).toBe(false);
  });

  it('pullReason: the three names evalCRIPullErr returns', () => {
    for (const r of ['ErrImagePull', 'RegistryUnavailable', 'SignatureValidationFailed']) {
      expect(holeMatches('pullReason', r)).toBe(true);
    }
    for (const r of ['ImagePullBackOff', 'ErrImageNeverPull', '']) expect(holeMatches('pullReason', r), r).toBe(false);
  });

  it('error and output: any text, also empty or several lines', () => {
    for (const t of ['', 'rpc error: code = NotFound desc = not found', 'line 1\nline 2']) {
      expect(holeMatches('error', t)).toBe(true);
      expect(holeMatches('output', t)).toBe(true);
    }
  });

  it('every example value matches its own hole', () => {
    for (const h of holeTypes) expect(holeMatches(h, holeExamples[h]), h).toBe(true);
  });
});

describe('building and parsing templates', () => {
  const pulled = messageTemplate`Successfully pulled image "${'busybox:1.36'}" in ${hole.duration} (${hole.duration} including waiting). Image size: ${hole.bytes} bytes.`;

  it('reads as text with {hole} marks', () => {
    expect(pulled).toBe(
      'Successfully pulled image "busybox:1.36" in {duration} ({duration} including waiting). Image size: {bytes} bytes.',
    );
    expect(templateParts(pulled).map((p) => (p.type === 'hole' ? p.hole : 'text'))).toEqual([
      'text',
      'duration',
      'text',
      'duration',
      'text',
      'bytes',
      'text',
    ]);
  });

  it('escapes braces in literal text and reads them back', () => {
    const t = literalTemplate('a {duration} b}');
    expect(t).toBe('a {{duration}} b}}');
    expect(isLiteralTemplate(t)).toBe(true);
    expect(matchesTemplate(t, 'x a {duration} b} y')).toBe(true);
    expect(matchesTemplate(t, 'a 1s b}')).toBe(false);
    expect(fillTemplate(t)).toBe('a {duration} b}');
    const interpolated = messageTemplate`x ${'{y}'} ${hole.uid}`;
    expect(interpolated).toBe('x {{y}} {uid}');
    expect(templateFromParts(templateParts(interpolated))).toBe(interpolated);
  });

  it('rejects unknown holes and lone braces', () => {
    expect(parseMessageTemplate('a {size} b').status).toBe('error');
    expect(parseMessageTemplate('a { b').status).toBe('error');
    expect(parseMessageTemplate('a } b').status).toBe('error');
    const ok = parseMessageTemplate('a {{ {bytes} }}');
    expect(ok.status === 'ok' && ok.parts).toEqual([
      { type: 'literal', text: 'a { ' },
      { type: 'hole', hole: 'bytes' },
      { type: 'literal', text: ' }' },
    ]);
  });
});

describe('matching observed messages', () => {
  const pulled = messageTemplate`Successfully pulled image "${'busybox:1.36'}" in ${hole.duration} (${hole.duration} including waiting). Image size: ${hole.bytes} bytes.`;

  it("matches a real node's Pulled message", () => {
    const real =
      'Successfully pulled image "busybox:1.36" in 300ms (300ms including waiting). Image size: 5101567 bytes.';
    expect(matchesTemplate(pulled, real)).toBe(true);
    expect(
      matchesTemplate(
        pulled,
        'Successfully pulled image "busybox:1.36" in 2m3.5s (2m4.001s including waiting). Image size: 0 bytes.',
      ),
    ).toBe(true);
    // the event recorder's aggregation prefix
    expect(matchesTemplate(pulled, `(combined from similar events): ${real}`)).toBe(true);
  });

  it('rejects a wrong image, a non-duration, a non-number size and a wrong literal', () => {
    expect(
      matchesTemplate(
        pulled,
        'Successfully pulled image "busybox:1.35" in 300ms (300ms including waiting). Image size: 5101567 bytes.',
      ),
    ).toBe(false);
    expect(
      matchesTemplate(
        pulled,
        'Successfully pulled image "busybox:1.36" in 0.3s (300ms including waiting). Image size: 5101567 bytes.',
      ),
    ).toBe(false);
    expect(
      matchesTemplate(
        pulled,
        'Successfully pulled image "busybox:1.36" in soon (300ms including waiting). Image size: 5101567 bytes.',
      ),
    ).toBe(false);
    expect(
      matchesTemplate(
        pulled,
        'Successfully pulled image "busybox:1.36" in 300ms (300ms including waiting). Image size: 5MB bytes.',
      ),
    ).toBe(false);
    expect(
      matchesTemplate(
        pulled,
        'Successfully fetched image "busybox:1.36" in 300ms (300ms including waiting). Image size: 5101567 bytes.',
      ),
    ).toBe(false);
    // the image must be exactly as written: no registry or tag added
    expect(
      matchesTemplate(
        pulled,
        'Successfully pulled image "docker.io/library/busybox:1.36" in 300ms (300ms including waiting). Image size: 1 bytes.',
      ),
    ).toBe(false);
  });

  it('matches the pod reference of BackOff and Scheduled with namespace, UID and node holes', () => {
    const backOff = messageTemplate`Back-off restarting failed container ${'app'} in pod ${'demo'}_${hole.namespace}(${hole.uid})`;
    expect(
      matchesTemplate(
        backOff,
        'Back-off restarting failed container app in pod demo_team-a(6f1c0d52-1b4e-4a8e-9a39-1c2b3d4e5f60)',
      ),
    ).toBe(true);
    expect(matchesTemplate(backOff, 'Back-off restarting failed container app in pod demo_team-a()')).toBe(false);
    expect(matchesTemplate(backOff, 'Back-off restarting failed container web in pod demo_x(1)')).toBe(false);
    const scheduled = messageTemplate`Successfully assigned ${hole.namespace}/${'demo'} to ${hole.node}`;
    expect(matchesTemplate(scheduled, 'Successfully assigned default/demo to kind-worker')).toBe(true);
    expect(matchesTemplate(scheduled, 'Successfully assigned default/other to kind-worker')).toBe(false);
  });

  it('an error or output hole takes any text, also none', () => {
    const failed = messageTemplate`Failed to pull image "${'nosuch/img:1'}": ${hole.error}`;
    expect(matchesTemplate(failed, 'Failed to pull image "nosuch/img:1": rpc error: code = NotFound desc = x')).toBe(
      true,
    );
    expect(matchesTemplate(failed, 'Failed to pull image "nosuch/img:1": ')).toBe(true);
    expect(matchesTemplate(failed, 'Failed to pull image "nosuch/img:2": x')).toBe(false);
    const unhealthy = messageTemplate`Readiness probe failed: ${hole.output}`;
    expect(matchesTemplate(unhealthy, 'Readiness probe failed: HTTP probe failed with statuscode: 500')).toBe(true);
    expect(matchesTemplate(unhealthy, 'Liveness probe failed: ')).toBe(false);
    const start = messageTemplate`Error: ${hole.pullReason}`;
    expect(matchesTemplate(start, 'Error: RegistryUnavailable')).toBe(true);
    expect(matchesTemplate(start, 'Error: ImagePullBackOff')).toBe(false);
  });

  it('fills a template into a message that matches it', () => {
    const filled = fillTemplate(pulled);
    expect(filled).toBe(
      'Successfully pulled image "busybox:1.36" in 1.05s (1.05s including waiting). Image size: 2155812 bytes.',
    );
    expect(matchesTemplate(pulled, filled)).toBe(true);
    expect(fillTemplate(pulled, { duration: '2s' })).toContain('in 2s (2s including');
  });

  it('the longest literal part is text every matching message contains', () => {
    expect(longestLiteralPart(pulled)).toBe('Successfully pulled image "busybox:1.36" in ');
    expect(longestLiteralPart(messageTemplate`${hole.error}`)).toBe('');
    expect(longestLiteralPart(literalTemplate('Container created'))).toBe('Container created');
  });
});
