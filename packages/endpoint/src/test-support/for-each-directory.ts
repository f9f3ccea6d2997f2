import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { isPcmigError, type PcmigError } from '@pcmig/core';
import type { DeploymentDefinitionInput } from '../deployment/deployment-schema.js';
import { startSlapd, type SlapdServer } from './slapd.js';
import { makeTestDeployment, type DirectoryKind, type TestDeployment } from './test-deployment.js';

export interface DirectoryContext {
  readonly kind: DirectoryKind;
  /** A fresh deployment (own folder; on LDAP its own forest), disposed after the test. */
  make(adjust?: (definition: DeploymentDefinitionInput) => DeploymentDefinitionInput, options?: { createPoolDatabases?: boolean }): Promise<TestDeployment>;
  slapd(): SlapdServer;
}

/**
 * Runs the same suite against the embedded directory and against a real OpenLDAP slapd that
 * the file starts (and stops) itself: the contract both implementations must keep.
 */
export function forEachDirectory(title: string, suite: (context: DirectoryContext) => void): void {
  let slapd: SlapdServer | undefined;
  beforeAll(async () => {
    slapd = await startSlapd();
  });
  afterAll(async () => {
    await slapd?.dispose();
  });
  describe.each(['embedded', 'ldap'] as const)(`${title} (%s directory)`, (kind) => {
    const created: TestDeployment[] = [];
    afterEach(async () => {
      await Promise.all(created.splice(0).map((deployment) => deployment.dispose()));
    });
    suite({
      kind,
      make: async (adjust, options) => {
        const deployment = await makeTestDeployment(kind, slapd, adjust, options);
        created.push(deployment);
        return deployment;
      },
      slapd: () => slapd!,
    });
  });
}

/** Awaits a promise that must fail with a PcmigError of the given id; returns the error. */
export async function expectPcmigError(promise: Promise<unknown>, id: string): Promise<PcmigError> {
  try {
    await promise;
  } catch (error) {
    if (!isPcmigError(error)) throw error;
    expect(error.id, error.message).toBe(id);
    return error;
  }
  throw new Error(`expected ${id}, but the call succeeded`);
}
