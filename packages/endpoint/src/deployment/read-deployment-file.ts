import fs from 'node:fs/promises';
import path from 'node:path';
import { deploymentErrors } from '../errors/deployment-errors.js';
import { deploymentDefinitionSchema, type DeploymentDefinition } from './deployment-schema.js';

export const DEPLOYMENT_FILE = 'deployment.json';

// Keys that would hold a secret; deployment.json only ever names the variable that holds it.
const SECRET_KEY = /^(?:password|passwd|pwd|secret|bindPassword|credential|credentials)$/i;

/** Reads and validates deployment.json of a folder (PCMIG-DEPL-002..006). */
export async function readDeploymentFile(folder: string): Promise<DeploymentDefinition> {
  const stat = await fs.stat(folder).catch(() => null);
  if (!stat?.isDirectory()) {
    throw deploymentErrors.create('PCMIG-DEPL-002', { message: `The deployment folder ${folder} does not exist.`, target: folder });
  }
  const file = path.join(folder, DEPLOYMENT_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw deploymentErrors.create('PCMIG-DEPL-003', { message: `${folder} holds no ${DEPLOYMENT_FILE}.`, target: file });
    }
    throw deploymentErrors.create('PCMIG-DEPL-003', { message: `${file} cannot be read.`, target: file, cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw deploymentErrors.create('PCMIG-DEPL-004', { message: `${file} is not valid JSON: ${(error as Error).message}.`, target: file });
  }
  return validateDefinition(json, file);
}

/** Validates a definition (a parsed deployment.json or createDeployment's input). */
export function validateDefinition(json: unknown, target: string): DeploymentDefinition {
  const secrets = secretPaths(json, []);
  if (secrets.length > 0) {
    throw deploymentErrors.create('PCMIG-DEPL-006', {
      message: `${target} holds a password at ${secrets.join(', ')}; pcmig refuses to use it.`,
      target,
      reason: { paths: secrets },
    });
  }
  const parsed = deploymentDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }));
    throw deploymentErrors.create('PCMIG-DEPL-005', {
      message: `${target} is not a valid deployment: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}.`,
      target,
      reason: { issues },
    });
  }
  return parsed.data;
}

function secretPaths(value: unknown, at: string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => secretPaths(item, [...at, String(index)]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (SECRET_KEY.test(key) ? [[...at, key].join('.')] : secretPaths(inner, [...at, key])));
}
