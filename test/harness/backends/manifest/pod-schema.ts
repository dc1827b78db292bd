/**
 * Whether a compiled manifest is a valid v1 Pod, judged by schemas that ship in packages, never by hand:
 * - kubernetes-models (4.5, the Kubernetes OpenAPI schema compiled to ajv validators): types, required fields,
 *   formats — but it allows fields the schema does not name;
 * - @kubernetes/client-node's generated OpenAPI models (`getAttributeTypeMap`, Kubernetes 1.34): every field
 *   the manifest writes must be one the API names, so a misspelled or invented field is caught too.
 */
import * as k8s from '@kubernetes/client-node';
import { Pod } from 'kubernetes-models/v1/Pod';

interface Attribute {
  readonly baseName: string;
  readonly type: string;
}

type Models = Record<string, { getAttributeTypeMap?: () => ReadonlyArray<Attribute> } | undefined>;

function attributesOf(type: string): ReadonlyArray<Attribute> | undefined {
  return (k8s as unknown as Models)[type]?.getAttributeTypeMap?.();
}

function unknownFields(value: unknown, type: string, at: string, out: string[]): void {
  const list = /^Array<(.+)>$/.exec(type);
  if (list) {
    if (Array.isArray(value))
      value.forEach((item, i) => {
        unknownFields(item, list[1] ?? '', `${at}[${i}]`, out);
      });
    return;
  }
  const attributes = attributesOf(type);
  if (attributes === undefined || typeof value !== 'object' || value === null) return;
  for (const [key, field] of Object.entries(value)) {
    const attribute = attributes.find((a) => a.baseName === key);
    if (attribute === undefined) out.push(`${at}.${key}: not a field of ${type}`);
    else unknownFields(field, attribute.type, `${at}.${key}`, out);
  }
}

/** What is wrong with `manifest` as a v1 Pod; empty when it is valid. */
export function podSchemaProblems(manifest: unknown): string[] {
  const out: string[] = [];
  try {
    new Pod(manifest as ConstructorParameters<typeof Pod>[0]).validate();
  } catch (error) {
    out.push(error instanceof Error ? error.message : String(error));
  }
  unknownFields(manifest, 'V1Pod', 'pod', out);
  return out;
}
