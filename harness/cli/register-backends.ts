/** Makes the built-in backends known to `--backend`. */
export function registerBackends(): void {
  // backends register their factories here as they are added
}
