import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPullPolicy, effectivePullPolicy, policyAfterImageUpdate } from '../../../specs/images/index.ts';
import { pullPolicies } from '../../../specs/vocabulary/scenario.ts';
import type { PullPolicyTable } from './tables.ts';
import { loadPullPolicyTable, tablePaths } from './tables.ts';

const policyText = (policy: string | undefined): string => policy ?? 'omitted';

function checkTable(table: PullPolicyTable): void {
  // Vitest collects an empty `each` as an error, so a list without rows declares no test at all.
  if (table.examples.length > 0) {
    it.each(table.examples.map((row) => ({ ...row, explicit: policyText(row.explicitPolicy) })))(
      '$image, policy $explicit → $effectivePolicy',
      ({ image, explicitPolicy, effectivePolicy }) => {
        expect(effectivePullPolicy({ image, explicitPolicy })).toBe(effectivePolicy);
        if (explicitPolicy === undefined) expect(defaultPullPolicy(image)).toBe(effectivePolicy);
      },
    );
  }
  if (table.updates.length > 0) {
    it.each(table.updates.map((row) => ({ ...row, explicit: policyText(row.explicitPolicy) })))(
      'update $createdWith → $updatedTo, policy $explicit: $policyAtCreation then $effectivePolicyAfterUpdate',
      ({ createdWith, explicitPolicy, policyAtCreation, updatedTo, effectivePolicyAfterUpdate }) => {
        expect(effectivePullPolicy({ image: createdWith, explicitPolicy })).toBe(policyAtCreation);
        expect(policyAfterImageUpdate({ createdWith, explicitPolicy, updatedTo })).toBe(effectivePolicyAfterUpdate);
      },
    );
  }
  if (table.admission.length > 0) {
    it.each(table.admission.map((row) => ({ ...row, explicit: policyText(row.explicitPolicy) })))(
      '$admissionController: $image, policy $explicit → $effectivePolicy',
      ({ image, explicitPolicy, admissionController, effectivePolicy }) => {
        expect(effectivePullPolicy({ image, explicitPolicy, admission: admissionController })).toBe(effectivePolicy);
      },
    );
  }
  if (table.undetermined.length > 0) {
    it.each(table.undetermined.map((row) => ({ ...row, explicit: policyText(row.explicitPolicy) })))(
      'undetermined: $image, policy $explicit → API server $apiServer',
      ({ image, explicitPolicy, apiServer }) => {
        expect(effectivePullPolicy({ image, explicitPolicy })).toBe(apiServer);
      },
    );
  }
}

const sharedExists = existsSync(tablePaths.sharedPullPolicy);

describe.runIf(sharedExists)('shared pull-policy-defaults.yaml', () => {
  checkTable(loadPullPolicyTable(tablePaths.sharedPullPolicy));
});

describe('own pull-policy-defaults.yaml', () => {
  const own = loadPullPolicyTable(tablePaths.ownPullPolicy);
  checkTable(own);

  it('has rows in every list', () => {
    expect(own.examples.length).toBeGreaterThan(25);
    expect(own.updates.length).toBeGreaterThan(3);
    expect(own.admission.length).toBeGreaterThan(3);
    expect(own.undetermined.length).toBeGreaterThan(5);
  });

  it.runIf(sharedExists)('keeps every row of the shared table unchanged', () => {
    const shared = loadPullPolicyTable(tablePaths.sharedPullPolicy);
    for (const list of ['examples', 'updates', 'admission', 'undetermined'] as const) {
      for (const row of shared.raw[list]) expect(own.raw[list]).toContainEqual(row);
    }
  });
});

describe('pull-policy properties', () => {
  const policy = fc.constantFrom(...pullPolicies);

  it('an explicit policy always wins without admission', () => {
    fc.assert(
      fc.property(fc.string(), policy, (image, explicitPolicy) => {
        expect(effectivePullPolicy({ image, explicitPolicy })).toBe(explicitPolicy);
      }),
    );
  });

  it('AlwaysPullImages always gives Always (pull.always-pull-images-admission)', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(policy, { nil: undefined }), (image, explicitPolicy) => {
        expect(effectivePullPolicy({ image, explicitPolicy, admission: 'AlwaysPullImages' })).toBe('Always');
      }),
    );
  });

  it('the image an object is updated to never changes its policy (pull.default-set-once)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.option(policy, { nil: undefined }),
        (createdWith, updatedTo, explicitPolicy) => {
          expect(policyAfterImageUpdate({ createdWith, explicitPolicy, updatedTo })).toBe(
            effectivePullPolicy({ image: createdWith, explicitPolicy }),
          );
        },
      ),
    );
  });

  it('defaulting never yields Never and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (image) => {
        expect(['Always', 'IfNotPresent']).toContain(defaultPullPolicy(image));
      }),
    );
  });
});
