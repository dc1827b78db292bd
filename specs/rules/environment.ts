/** The container environment: hostname, variables, filesystem (outside the case format). */
import type { Rule } from './rule.ts';
import { quoted, seedFiles } from './rule.ts';

/** The rules about what a container sees of its environment. */
export const environmentRules: ReadonlyArray<Rule> = [
  {
    id: 'env.hostname-is-pod-name',
    area: 'environment',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: "Running `hostname` inside any container of a pod prints the pod's name.",
    sources: [
      quoted(
        seedFiles.concepts,
        'The hostname of a Container is the name of the Pod in which the Container is running.',
      ),
    ],
  },
  {
    id: 'env.downward-api-identity',
    area: 'environment',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      'A pod can expose its own name and namespace to its containers as environment variables via the downward API.',
    sources: [
      quoted(
        seedFiles.concepts,
        'The Pod name and namespace are available as environment variables through the downward API.',
      ),
    ],
  },
  {
    id: 'env.user-and-image-vars',
    area: 'environment',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'Environment variables reach a container from two places: the pod spec and the image.',
    sources: [
      quoted(
        seedFiles.concepts,
        'User defined environment variables from the Pod definition are also available to the Container',
      ),
    ],
  },
  {
    id: 'env.service-vars',
    area: 'environment',
    origin: 'documents',
    standing: 'firm',
    standingNote:
      "The documents' 'service named foo that maps to a Container named bar' muddles things: only the Service name shapes the variable names.",
    observable: false,
    statement:
      'A container gets `<NAME>_SERVICE_HOST` and `<NAME>_SERVICE_PORT` for each Service that existed at its creation, from its namespace and the control plane.',
    sources: [
      quoted(
        seedFiles.concepts,
        'A list of all services that were running when a Container was created is available to that Container as environment variables.',
      ),
    ],
  },
  {
    id: 'env.service-dns',
    area: 'environment',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'With cluster DNS installed, containers can resolve Services by name.',
    sources: [
      quoted(
        seedFiles.concepts,
        'Services have dedicated IP addresses and are available to the Container via DNS, if DNS addon is enabled.',
      ),
    ],
  },
  {
    id: 'env.filesystem',
    area: 'environment',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: "The files a container sees are its image's, overlaid with the volumes mounted into it.",
    sources: [quoted(seedFiles.concepts, 'A filesystem, which is a combination of an image and one or more volumes.')],
  },
  {
    id: 'env.pod-colocated',
    area: 'environment',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'A pod is never split across nodes: its containers are placed together.',
    sources: [
      quoted(seedFiles.concepts, 'Containers in a Pod are co-located and co-scheduled to run on the same node.'),
    ],
  },
];
