import path from 'node:path';
import { describeLocation, parseDbInstance } from '@pcmig/core';
import { deploymentErrors } from '../errors/deployment-errors.js';
import type { ResolvedDatabase } from '../topology/embedded-topology.js';
import type { DeploymentDefinition } from './deployment-schema.js';

const SQLITE_EXTENSIONS = /\.(?:db|sqlite|sqlite3)$/i;

/**
 * Resolves each pool's database as openPool takes it. Embedded (SQLite) paths in deployment.json
 * are relative to the deployment folder, so a deployment can be moved or copied whole.
 */
export function resolvePoolDatabases(definition: DeploymentDefinition, folder: string): Map<string, ResolvedDatabase> {
  const resolved = new Map<string, ResolvedDatabase>();
  for (const [index, pool] of definition.pools.entries()) {
    const { instance, name } = pool.database;
    let location;
    try {
      location = parseDbInstance(instance, name);
    } catch (error) {
      throw deploymentErrors.create('PCMIG-DEPL-010', {
        message: `pools[${index}] (${pool.fqdn}): database.instance '${instance}' is invalid.`,
        target: instance,
        reason: { pool: pool.fqdn },
        cause: error,
      });
    }
    if (location.engine === 'sqlite') {
      const raw = /^sqlite:/i.test(instance.trim()) ? instance.trim().slice('sqlite:'.length) : instance.trim();
      const absolute = path.resolve(folder, raw);
      const dbInstance = SQLITE_EXTENSIONS.test(absolute) ? absolute : `sqlite:${absolute}`;
      resolved.set(pool.fqdn, { dbInstance, dbName: null, description: describeLocation({ engine: 'sqlite', path: absolute }) });
    } else {
      resolved.set(pool.fqdn, { dbInstance: instance.trim(), dbName: location.database, description: describeLocation(location) });
    }
  }
  return resolved;
}
