/**
 * The notice a cluster run opens with: the server's version and the rule profile that applies. The model predicts
 * a 1.35 kubelet (README); another minor version still runs, with a plain warning, because most rules hold across
 * versions and the version-dependent ones are marked so in the catalogue (`podconform rules`).
 */

/** The minor version the rule profile describes. */
export const ruleProfileMinor = 35;

/** What /version answers (`major`, `minor` — "35" or, on some providers, "35+" — and `gitVersion`). */
export interface ServerVersion {
  readonly major: string;
  readonly minor: string;
  readonly gitVersion?: string;
}

/** One line: the version and the profile, or the version and the warning. */
export function versionNotice(version: ServerVersion): string {
  const major = Number.parseInt(version.major, 10);
  const minor = Number.parseInt(version.minor, 10);
  const git = version.gitVersion !== undefined && version.gitVersion !== '' ? version.gitVersion : undefined;
  const shown = git ?? `v${version.major}.${version.minor}`;
  if (major === 1 && minor === ruleProfileMinor) return `Kubernetes ${shown}: rule profile 1.${ruleProfileMinor}`;
  return `Kubernetes ${shown}: the rule profile is 1.${ruleProfileMinor}; version-dependent rules may differ`;
}
