// Which cluster a run may touch and what it says about it: the context choice (a non-kind current context is
// refused without --context), the version notice, and the kind prerequisite check on a PATH without kind.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseContext } from '../../../../harness/backends/kube/context-choice.ts';
import { findKindTools } from '../../../../harness/backends/kube/prerequisites.ts';
import { versionNotice } from '../../../../harness/backends/kube/version-notice.ts';

describe('chooseContext', () => {
  const contexts = ['kind-podconform', 'prod-eu', 'minikube'];

  it('uses a current context that is a kind cluster', () => {
    expect(chooseContext(contexts, 'kind-podconform', undefined)).toEqual({ status: 'ok', context: 'kind-podconform' });
  });

  it('refuses a current context that is not a kind cluster, in one line naming the way out', () => {
    const choice = chooseContext(contexts, 'prod-eu', undefined);
    expect(choice).toEqual({
      status: 'refused',
      reason:
        "the current context 'prod-eu' is not a kind cluster; to run there (podconform creates and deletes namespaces labelled app.kubernetes.io/managed-by=podconform), pass --context prod-eu",
    });
  });

  it('takes any context named with --context, and refuses one the kubeconfig lacks', () => {
    expect(chooseContext(contexts, 'kind-podconform', 'prod-eu')).toEqual({ status: 'ok', context: 'prod-eu' });
    expect(chooseContext(contexts, 'prod-eu', 'staging')).toEqual({
      status: 'refused',
      reason: "no context 'staging' in the kubeconfig (known: kind-podconform, prod-eu, minikube)",
    });
  });

  it('refuses when there is no current context, and does not take `kind-` alone for a kind cluster', () => {
    expect(chooseContext(contexts, '', undefined).status).toBe('refused');
    expect(chooseContext(['kind-'], 'kind-', undefined).status).toBe('refused');
  });
});

describe('versionNotice', () => {
  it('names the 1.35 rule profile for a 1.35 server', () => {
    expect(versionNotice({ major: '1', minor: '35', gitVersion: 'v1.35.0' })).toBe(
      'Kubernetes v1.35.0: rule profile 1.35',
    );
  });

  it('warns plainly for another minor version, and reads providers\' "34+" minors', () => {
    expect(versionNotice({ major: '1', minor: '34+', gitVersion: 'v1.34.2-gke.1' })).toBe(
      'Kubernetes v1.34.2-gke.1: the rule profile is 1.35; version-dependent rules may differ',
    );
    expect(versionNotice({ major: '1', minor: '36' })).toBe(
      'Kubernetes v1.36: the rule profile is 1.35; version-dependent rules may differ',
    );
  });
});

describe('findKindTools', () => {
  function binDir(names: ReadonlyArray<string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'podconform-path-'));
    for (const name of names) {
      const file = join(dir, name);
      writeFileSync(file, '#!/bin/sh\nexit 0\n');
      chmodSync(file, 0o755);
    }
    return dir;
  }

  it('says in one line that kind is missing, and where to get it', () => {
    const tools = findKindTools(binDir(['docker']));
    expect(tools).toEqual({
      status: 'missing',
      reason:
        'kind not found on PATH: --backend kind needs Docker and kind (see https://kind.sigs.k8s.io/docs/user/quick-start/); --backend kube --context CTX runs on any other cluster',
    });
  });

  it('names both when neither is there, and ignores a file that is not executable', () => {
    const dir = binDir([]);
    writeFileSync(join(dir, 'kind'), 'not a program');
    const tools = findKindTools(`${dir}${delimiter}`);
    expect(tools.status === 'missing' && tools.reason.startsWith('kind and docker not found on PATH')).toBe(true);
  });

  it('finds both on a PATH of several directories', () => {
    const a = binDir(['kind']);
    const b = binDir(['docker']);
    expect(findKindTools(`${a}${delimiter}${b}`)).toEqual({
      status: 'found',
      kind: join(a, 'kind'),
      docker: join(b, 'docker'),
    });
  });
});
