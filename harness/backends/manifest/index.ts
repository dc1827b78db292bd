/** The manifest compiler and the markers its pods write: what the real backends (kube, podman) share. */
export * from './compiled-pod.ts';
export { compileManifest } from './compile-manifest.ts';
export { markerVolumeName } from './compile-container.ts';
export {
  markerEvents,
  markerPoints,
  parseMarkers,
  type Marker,
  type MarkerEvent,
  type MarkerProblem,
} from './markers.ts';
export { manifestYaml, markerDirFor } from './manifest-yaml.ts';
