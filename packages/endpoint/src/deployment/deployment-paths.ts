import path from 'node:path';
import { deploymentErrors } from '../errors/deployment-errors.js';

/**
 * Resolves a file named in deployment.json inside the deployment folder. Only plain relative
 * paths are accepted: nothing in deployment.json may point pcmig's writes elsewhere.
 */
export function fileInDeployment(folder: string, relative: string, field: string): string {
  const fail = () =>
    deploymentErrors.create('PCMIG-DEPL-008', {
      message: `${field} '${relative}' is not a relative path inside the deployment folder.`,
      target: relative,
      reason: { field },
    });
  if (relative.includes('\0') || path.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) throw fail();
  if (relative.split(/[\\/]+/).some((segment) => segment === '..')) throw fail();
  const root = path.resolve(folder);
  const resolved = path.resolve(root, relative);
  if (resolved === root || !resolved.startsWith(root + path.sep)) throw fail();
  return resolved;
}
