/** The `node:` block: the registry and the images on the node (FORMAT.md). */
import type { NodeWorld } from '../../specs/vocabulary/index.ts';
import type { Field, Reader } from './yaml-reader.ts';

/** Registry up, every image pullable, nothing cached, pulls instant. */
export const defaultNodeWorld: NodeWorld = { registry: 'up', cached: [], unpullable: [], pullTakesSeconds: 0 };

/** Reads `node:`; every key is optional and an absent block is the default node. */
export function readNode(reader: Reader, field: Field | undefined): NodeWorld | undefined {
  if (field === undefined) return defaultNodeWorld;
  const entries = reader.mapping(field, ['registry', 'cached', 'unpullable', 'pullTakes']);
  if (entries === undefined) return undefined;
  const registryField = entries.get('registry');
  const cachedField = entries.get('cached');
  const unpullableField = entries.get('unpullable');
  const pullTakesField = entries.get('pullTakes');
  const registry = registryField === undefined ? 'up' : reader.oneOf(registryField, ['up', 'down'] as const);
  const cached = cachedField === undefined ? [] : reader.strings(cachedField);
  const unpullable = unpullableField === undefined ? [] : reader.strings(unpullableField);
  const pullTakesSeconds = pullTakesField === undefined ? 0 : reader.duration(pullTakesField);
  if (registry === undefined || cached === undefined || unpullable === undefined || pullTakesSeconds === undefined) {
    return undefined;
  }
  return { registry, cached, unpullable, pullTakesSeconds };
}
