import { z } from 'zod';
import { addinsFileSchema, categoriesFileSchema, fileReferenceLineSchema, messageLineSchema } from './json-records.js';
import { manifestSchema } from './package-manifest.js';
import { xmlAffiliationSchema, xmlChatRoomSchema, xmlPrincipalSchema } from './xml-records.js';

/**
 * docs/schemas/*.schema.json, generated from the zod schemas the reader checks records with
 * (JSON Schema 2020-12, input side: what is in the file). For the XML entries the schema
 * describes one record element read as a flat object: attributes under their names, text child
 * elements under theirs, Roles/Scope/Groups as arrays of their elements' attributes.
 */
export function packageSchemaDocuments(): Record<string, string> {
  const documents: Record<string, z.ZodType> = {
    'manifest.schema.json': manifestSchema,
    'categories.schema.json': categoriesFileSchema,
    'addins.schema.json': addinsFileSchema,
    'message-line.schema.json': messageLineSchema,
    'file-reference-line.schema.json': fileReferenceLineSchema,
    'xml-principal.schema.json': xmlPrincipalSchema,
    'xml-affiliation.schema.json': xmlAffiliationSchema,
    'xml-chat-room.schema.json': xmlChatRoomSchema,
  };
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(documents)) {
    out[name] = `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }), null, 2)}\n`;
  }
  return out;
}
