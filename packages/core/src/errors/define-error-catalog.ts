import { PcmigError, type ErrorDefinition, type PcmigErrorDetails } from './pcmig-error.js';

/** Stable error ids look like PCMIG-DB-001: a product prefix, an area, a number. */
export const ERROR_ID_PATTERN = /^PCMIG-[A-Z]+-\d{3}$/;

export interface ErrorCatalog<Id extends string> {
  readonly area: string;
  readonly definitions: Readonly<Record<Id, ErrorDefinition>>;
  /** Creates the error for one occurrence. */
  create(id: Id, details: PcmigErrorDetails): PcmigError;
}

const registry = new Map<string, ErrorDefinition>();

/**
 * Declares the errors of one area. Ids are unique across the whole product: a second
 * declaration of an id is a programming error caught at start-up.
 */
export function defineErrorCatalog<Id extends string>(
  area: string,
  definitions: Record<Id, ErrorDefinition>,
): ErrorCatalog<Id> {
  for (const [id, definition] of Object.entries(definitions) as [Id, ErrorDefinition][]) {
    if (!ERROR_ID_PATTERN.test(id)) throw new Error(`Malformed error id ${id}`);
    const existing = registry.get(id);
    if (existing && existing !== definition) throw new Error(`Error id ${id} is declared twice`);
    registry.set(id, definition);
  }
  return {
    area,
    definitions,
    create: (id, details) => new PcmigError(id, definitions[id], details),
  };
}

/** Every error id declared so far (by the catalogs that have been imported). */
export function registeredErrors(): ReadonlyMap<string, ErrorDefinition> {
  return registry;
}
