/** Image references: names, registries, tags and digests. */
import type { Rule } from './rule.ts';
import { quoted, seedFiles } from './rule.ts';

/** The rules about image references. */
export const imageRules: ReadonlyArray<Rule> = [
  {
    id: 'image.name-forms',
    area: 'images',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'Three reference shapes are legal: a lone name (`pause`), a path of slash-separated parts (`example/mycontainer`), and a path led by a registry host with an optional `:port`; a colon in that host part belongs to the port, never to a tag.',
    sources: [
      quoted(
        seedFiles.concepts,
        'Images can also include a registry hostname; for example: fictional.registry.example/imagename, and possibly a port number as well',
      ),
    ],
  },
  {
    id: 'image.default-registry',
    area: 'images',
    origin: 'documents',
    standing: 'firm',
    standingNote:
      'Firm as stated; how such names meet credential keys like `docker.io` is left open (credentials.yaml marks it undetermined).',
    observable: false,
    statement: 'References with no registry host resolve against Docker Hub.',
    sources: [
      quoted(
        seedFiles.concepts,
        "If you don't specify a registry hostname, Kubernetes assumes that you mean the Docker public registry.",
      ),
    ],
  },
  {
    id: 'image.default-tag-latest',
    area: 'images',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'Leaving the tag off is the same as writing `:latest`: `busybox` and `busybox:latest` denote one image, and a cache entry for one satisfies the other.',
    sources: [quoted(seedFiles.concepts, "If you don't specify a tag, Kubernetes assumes you mean the tag latest.")],
  },
  {
    id: 'image.tag-syntax',
    area: 'images',
    origin: 'documents',
    standing: 'vague',
    standingNote:
      'The separator placement rules and any length limit are alluded to but never given, so no full grammar can be tested.',
    observable: false,
    statement:
      'Tag characters are limited to upper- and lower-case ASCII letters, digits, underscore, period and dash; separator placement is restricted further.',
    sources: [
      quoted(
        seedFiles.concepts,
        'Image tags consist of lowercase and uppercase letters, digits, underscores ( _ ), periods ( . ), and dashes ( - ).',
      ),
    ],
  },
  {
    id: 'image.digest-pins-content',
    area: 'images',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      "Naming an image as `name@sha256:<hex>` pins its bytes: however the registry's tags move, each start of the container gets identical content.",
    sources: [quoted(seedFiles.concepts, 'An image digest uniquely identifies a specific version of the image')],
  },
  {
    id: 'image.tag-can-move',
    area: 'images',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'Because the registry may re-point a tag, two pods created on either side of a re-push can run different code under an unchanged reference.',
    sources: [quoted(seedFiles.concepts, 'you might end up with a mix of Pods running the old and new code')],
  },
];
