/**
 * Reads one pod's events from podman's event log file as they are written: each run keeps its own offset into the
 * shared file and takes only the lines naming its containers or its pod, so any number of runs read it at once
 * without a `podman events` process each (PODMAN.md §3.2: the log is JSON lines and is not rotated in 4.3).
 */
import { open, stat } from 'node:fs/promises';
import { parseEvents, type PodmanEvent } from './events.ts';

/** Where root podman with `events_logger = "file"` writes events; `PODCONFORM_PODMAN_EVENTS_LOG` overrides it. */
export function eventsLogPath(): string {
  const own = process.env['PODCONFORM_PODMAN_EVENTS_LOG'];
  if (own) return own;
  const uid = process.getuid?.() ?? 0;
  const runtimeDir = process.env['XDG_RUNTIME_DIR'] ?? `/run/user/${uid}`;
  return uid === 0 ? '/run/libpod/events/events.log' : `${runtimeDir}/libpod/tmp/events/events.log`;
}

/**
 * A reader positioned at the end of the log when it was opened. Podman rotates the log when it passes
 * `events_logfile_max_size` (1 MB by default in 4.3.1 here, although PODMAN.md saw none: a `log-rotation` event starts
 * the new file and the old one is deleted), and events written around a rotation are lost to any reader; the cursor
 * notices a rotation (a new file, or one shorter than its offset), says so in `rotated`, and reads the new file from
 * its start. scripts/setup-podman.sh sets the limit to 0 (no rotation).
 */
export class EventCursor {
  private offset: number;
  private partial = '';
  private readonly seen: PodmanEvent[] = [];
  private rotatedSeen = false;

  private constructor(
    private readonly path: string,
    private readonly names: ReadonlySet<string>,
    offset: number,
    private inode: number,
  ) {
    this.offset = offset;
  }

  /** Whether the log was rotated while this cursor read it: its events may be incomplete. */
  get rotated(): boolean {
    return this.rotatedSeen;
  }

  /** Opens the log at its current end; a message when it cannot be read. */
  static async atEnd(path: string, names: ReadonlySet<string>): Promise<EventCursor | string> {
    try {
      const now = await stat(path);
      return new EventCursor(path, names, now.size, now.ino);
    } catch (error) {
      return `cannot read podman's event log ${path}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** The events read so far, in the order podman wrote them. */
  get events(): ReadonlyArray<PodmanEvent> {
    return this.seen;
  }

  private reading: Promise<void> | undefined;

  /** Reads what was written since the last poll; callers at the same time share one read (no line read twice). */
  poll(): Promise<void> {
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  // A read error leaves the events as they were: the next poll tries again.
  private async read(): Promise<void> {
    let handle;
    try {
      handle = await open(this.path, 'r');
      const { size, ino } = await handle.stat();
      if (ino !== this.inode || size < this.offset) {
        this.rotatedSeen = true;
        this.inode = ino;
        this.offset = 0;
        this.partial = '';
      }
      if (size <= this.offset) return;
      const buffer = Buffer.alloc(size - this.offset);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.offset);
      this.offset += bytesRead;
      const text = this.partial + buffer.subarray(0, bytesRead).toString('utf8');
      // A line podman is still writing stays for the next poll.
      const end = text.lastIndexOf('\n');
      this.partial = text.slice(end + 1);
      this.seen.push(...parseEvents(text.slice(0, end + 1), this.names));
    } catch {
      return;
    } finally {
      await handle?.close();
    }
  }
}
