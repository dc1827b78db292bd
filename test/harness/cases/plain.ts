/** A deep copy with ordinary prototypes, so strict equality compares content and not how an arbitrary built it. */
export function plain<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => plain(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = plain(item);
    return copy as T;
  }
  return value;
}
