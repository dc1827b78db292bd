/**
 * The node's image store: which images are present, keyed by their normalised reference so that
 * `busybox` and `busybox:latest` are one image.
 */
import { normalizeImage } from './image-names.ts';

/** Images present on the node. */
export class ImageStore {
  private readonly present: Set<string>;

  constructor(cached: ReadonlyArray<string>) {
    this.present = new Set(cached.map(normalizeImage));
  }

  has(imageKey: string): boolean {
    return this.present.has(imageKey);
  }

  /** A successful pull stores the image. */
  add(imageKey: string): void {
    this.present.add(imageKey);
  }
}
