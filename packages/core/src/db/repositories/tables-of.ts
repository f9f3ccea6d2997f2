import type { SourceFlavour } from '../../model/constants.js';
import { tablesFor } from '../schema/pool-schema.js';
import type { TableDef } from '../schema/table.js';

/** The definition of one table of a flavour's schema. */
export function tableOf(flavour: SourceFlavour, name: string): TableDef {
  const table = tablesFor(flavour).find((t) => t.name === name);
  if (!table) throw new Error(`${flavour} has no table ${name}`);
  return table;
}
