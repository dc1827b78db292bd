import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { credentialKeyMatches, matchingCredentialKeys } from '../../../specs/images/index.ts';
import type { CredentialTable } from './tables.ts';
import { loadCredentialTable, tablePaths } from './tables.ts';

function checkTable(table: CredentialTable): void {
  // Vitest collects an empty `each` as an error, so a table without rows declares no test at all.
  if (table.examples.length > 0) {
    it.each(table.examples)('$pattern vs $image → $matches ($basis)', ({ pattern, image, matches }) => {
      expect(credentialKeyMatches(pattern, image)).toBe(matches);
    });
  }
  if (table.undetermined.length > 0) {
    it.each(table.undetermined)(
      'undetermined: $pattern vs $image → kubelet $kubelet',
      ({ pattern, image, kubelet }) => {
        expect(credentialKeyMatches(pattern, image)).toBe(kubelet);
      },
    );
  }
}

const sharedExists = existsSync(tablePaths.sharedCredentials);

describe.runIf(sharedExists)('shared credentials.yaml', () => {
  checkTable(loadCredentialTable(tablePaths.sharedCredentials));
});

describe('own credentials.yaml', () => {
  const own = loadCredentialTable(tablePaths.ownCredentials);
  checkTable(own);

  it('has rows for every rule it covers', () => {
    expect(own.examples.length).toBeGreaterThan(40);
    expect(own.undetermined.length).toBeGreaterThan(30);
  });

  it.runIf(sharedExists)('keeps every row of the shared table unchanged', () => {
    const shared = loadCredentialTable(tablePaths.sharedCredentials);
    for (const row of shared.raw.examples) expect(own.raw.examples).toContainEqual(row);
    for (const row of shared.raw.undetermined) expect(own.raw.undetermined).toContainEqual(row);
  });
});

describe('matchingCredentialKeys (cred.all-matches-tried)', () => {
  it('returns every matching key, longer paths under one host first', () => {
    const keys = [
      'my-registry.io',
      '*.my-registry.io',
      'my-registry.io/images',
      'other.io',
      'my-registry.io/images/subpath',
    ];
    expect(matchingCredentialKeys(keys, 'my-registry.io/images/subpath/my-image')).toEqual([
      'my-registry.io/images/subpath',
      'my-registry.io/images',
      'my-registry.io',
    ]);
  });

  it('puts a literal label before a glob for the same host (reverse byte order of the keys)', () => {
    expect(matchingCredentialKeys(['*.example.io', 'a.example.io'], 'a.example.io/app:1')).toEqual([
      'a.example.io',
      '*.example.io',
    ]);
  });

  it('keeps the given order for keys the keyring files under one entry', () => {
    expect(matchingCredentialKeys(['r.io', 'https://r.io/v1/', 'http://r.io'], 'r.io/app')).toEqual([
      'r.io',
      'https://r.io/v1/',
      'http://r.io',
    ]);
  });

  it('uses index.docker.io credentials for Docker Hub only when no key matched', () => {
    expect(matchingCredentialKeys(['index.docker.io', 'docker.io'], 'busybox')).toEqual(['docker.io']);
    expect(matchingCredentialKeys(['index.docker.io', 'quay.io'], 'busybox')).toEqual(['index.docker.io']);
    expect(matchingCredentialKeys(['index.docker.io', 'quay.io'], 'quay.io/app')).toEqual(['quay.io']);
  });

  it('returns nothing for an invalid image or no keys', () => {
    expect(matchingCredentialKeys(['docker.io'], 'BUSYBOX')).toEqual([]);
    expect(matchingCredentialKeys([], 'busybox')).toEqual([]);
  });

  it('ignores keys the keyring would refuse to parse', () => {
    expect(matchingCredentialKeys(['my registry.io', 'my-registry.io:port'], 'my-registry.io/app')).toEqual([]);
  });

  it('matches IPv6 registries with a port', () => {
    expect(credentialKeyMatches('[::1]:5000', '[::1]:5000/app:1')).toBe(true);
    expect(credentialKeyMatches('[::1]:5000', '[::1]:5001/app:1')).toBe(false);
  });
});
