// The marker file of a compiled pod: every well-formed line becomes a point, anything else is a problem that names
// its line (a broken script must be reported, never dropped).
import { describe, expect, it } from 'vitest';
import { markerPoints, parseMarkers } from '../../../../harness/backends/manifest/markers.ts';

describe('parseMarkers', () => {
  it('reads markers with and without a detail and skips blank lines', () => {
    const text = 'init1 started 1700000000.100000\n\ninit1 exiting 1700000001.250000 0\napp term 1700000003.5 \n';
    expect(parseMarkers(text)).toEqual({
      markers: [
        { container: 'init1', event: 'started', epochSeconds: 1700000000.1 },
        { container: 'init1', event: 'exiting', epochSeconds: 1700000001.25, detail: '0' },
        { container: 'app', event: 'term', epochSeconds: 1700000003.5 },
      ],
      problems: [],
    });
  });

  it('names the line of an unknown event, a bad time and a torn line', () => {
    const { markers, problems } = parseMarkers('app started x\napp jumped 1.0\napp\napp exiting 2.0 0 extra\n');
    expect(markers).toEqual([]);
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      "1: 'x' is not an epoch time in seconds",
      "2: unknown marker event 'jumped'",
      '3: expected CONTAINER EVENT EPOCH [DETAIL]',
      '4: expected CONTAINER EVENT EPOCH [DETAIL]',
    ]);
  });
});

describe('markerPoints', () => {
  it('turns markers into points since pod creation, in time order, exiting as exited', () => {
    const { markers } = parseMarkers(
      'app started 100.400000\nside started 100.200000\napp exiting 101.000001 3\napp postStart.finished 100.9\n',
    );
    expect(markerPoints(markers, 100)).toEqual([
      { point: 'side.started', t: 0.2 },
      { point: 'app.started', t: 0.4 },
      { point: 'app.postStart.finished', t: 0.9 },
      { point: 'app.exited', t: 1.000001 },
    ]);
  });
});
