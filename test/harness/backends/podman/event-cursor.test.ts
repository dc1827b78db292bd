// The event cursor reads only what was written after it opened, keeps a line podman is still writing for the next
// poll, and notices a rotation of the log (events around it are lost), reading the new file from its start.
import { appendFile, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventCursor } from '../../../../harness/backends/podman/event-cursor.ts';

const line = (name: string, status: string, second: number): string =>
  `{"ID":"ab","Name":"${name}","Status":"${status}","Time":"2026-12-06T22:15:${String(second).padStart(2, '0')}.5Z","Type":"container"}\n`;

let dir = '';
afterEach(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

async function cursorOn(initial: string): Promise<{ log: string; cursor: EventCursor }> {
  dir = await mkdtemp(join(tmpdir(), 'podconform-events-'));
  const log = join(dir, 'events.log');
  await writeFile(log, initial);
  const cursor = await EventCursor.atEnd(log, new Set(['pc-1-app']));
  if (typeof cursor === 'string') throw new Error(cursor);
  return { log, cursor };
}

describe('EventCursor', () => {
  it('reads what came after it opened, for its names only, and waits for a line still being written', async () => {
    const { log, cursor } = await cursorOn(line('pc-1-app', 'create', 1));
    await appendFile(
      log,
      line('pc-1-app', 'init', 2) + line('pc-9-other', 'init', 2) + line('pc-1-app', 'start', 3).slice(0, 20),
    );
    await cursor.poll();
    expect(cursor.events.map((e) => e.status)).toEqual(['init']);
    await appendFile(log, line('pc-1-app', 'start', 3).slice(20));
    await cursor.poll();
    expect(cursor.events.map((e) => e.status)).toEqual(['init', 'start']);
    expect(cursor.rotated).toBe(false);
  });

  it('says the log was rotated when a new file replaces it, and reads the new file from its start', async () => {
    const { log, cursor } = await cursorOn(line('pc-1-app', 'create', 1).repeat(5));
    await appendFile(log, line('pc-1-app', 'init', 2));
    await cursor.poll();
    await writeFile(
      `${log}.new`,
      '{"Name":"events.log","Status":"log-rotation","Type":"system"}\n' + line('pc-1-app', 'died', 9),
    );
    await rename(`${log}.new`, log);
    await cursor.poll();
    expect(cursor.rotated).toBe(true);
    expect(cursor.events.map((e) => e.status)).toEqual(['init', 'died']);
  });

  it('notices a log truncated in place below its offset', async () => {
    const { log, cursor } = await cursorOn(line('pc-1-app', 'create', 1).repeat(5));
    await writeFile(log, line('pc-1-app', 'start', 4));
    await cursor.poll();
    expect(cursor.rotated).toBe(true);
    expect(cursor.events.map((e) => e.status)).toEqual(['start']);
  });
});
