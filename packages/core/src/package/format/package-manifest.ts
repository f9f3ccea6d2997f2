import { z } from 'zod';
import { EXPORT_LEVELS, Limits, SOURCE_FLAVOURS } from '../../model/constants.js';
import { idSchema } from '../../model/primitives.js';
import { countSchema, monthSchema, sha256Schema, ticksTextSchema } from './field-schemas.js';
import { FORMAT_NAME } from './package-layout.js';

const messageKeySchema = z.object({ roomId: idSchema, chatId: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }).strict();

export const manifestEntrySchema = z
  .object({
    name: z.string().min(1).max(512),
    size: countSchema.meta({ description: 'Uncompressed bytes.' }),
    sha256: sha256Schema.meta({ description: 'SHA-256 of the uncompressed bytes, lower-case hex.' }),
    records: countSchema.meta({ description: 'Records the entry holds (users, groups, affiliation rows, rooms, categories, add-ins, messages or file references).' }),
    firstMessage: messageKeySchema.optional().meta({ description: 'Message chunks: the first message (room id, chatId).' }),
    lastMessage: messageKeySchema.optional().meta({ description: 'Message chunks: the last message (room id, chatId).' }),
  })
  .strict();

export const packageCountsSchema = z
  .object({
    principals: countSchema,
    affiliations: countSchema,
    categories: countSchema,
    rooms: countSchema,
    roles: countSchema,
    scopes: countSchema,
    addins: countSchema,
    messages: countSchema,
    fileReferences: countSchema,
  })
  .strict();

export const manifestSchema = z
  .object({
    format: z.literal(FORMAT_NAME),
    formatVersion: z.number().int().positive(),
    exporter: z.object({ product: z.literal('pcmig'), version: z.string().min(1).max(64) }).strict(),
    source: z
      .object({
        flavour: z.enum(SOURCE_FLAVOURS),
        product: z.string().min(1).max(256),
        schemaVersion: z.string().max(64).nullable(),
        origin: z.string().max(1024).meta({ description: 'Where the data came from (never credentials).' }),
      })
      .strict(),
    level: z.enum(EXPORT_LEVELS),
    scope: z
      .array(z.string().min(1).max(Limits.nodeName * 2))
      .nullable()
      .meta({ description: 'The -Scope category names as given, or null for every category.' }),
    contextCategoryIds: z.array(idSchema).meta({ description: 'Categories present only as ancestors of the scope (never exported for import).' }),
    startDate: ticksTextSchema.nullable().meta({ description: '-StartDate in ticks: older messages were left out.' }),
    counts: packageCountsSchema,
    messagesCut: z
      .array(z.object({ roomId: idSchema, count: countSchema.min(1) }).strict())
      .meta({ description: 'Messages older than startDate left out, per exported room (rooms with none omitted), by room id.' }),
    months: z
      .array(z.object({ month: monthSchema, kept: countSchema, cut: countSchema }).strict())
      .meta({ description: 'Messages of the exported rooms per UTC month: exported (kept) and left out by startDate (cut).' }),
    unknownPrincipalIds: z
      .array(idSchema)
      .meta({ description: 'Principal ids that roles, scopes or message authors refer to but the source\'s principal table lacks.' }),
    entries: z.array(manifestEntrySchema).meta({ description: 'Every other entry of the package, in the order written.' }),
  })
  .strict()
  .meta({ title: 'pcmig/manifest.json', description: 'What the package holds, where from, and the checksum of every entry.' });

export type PackageManifest = z.output<typeof manifestSchema>;
export type ManifestEntry = z.output<typeof manifestEntrySchema>;
export type PackageCounts = z.output<typeof packageCountsSchema>;
export type MessageKey = z.output<typeof messageKeySchema>;
