import { SOURCE_FLAVOURS, isLegacyFlavour } from '@pcmig/core';
import { z } from 'zod';
import { parseDn } from '../ldap/distinguished-name.js';
import { parseSipAddress } from '../sip/sip-address.js';

const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A fully qualified domain name (pool, registrar, computer), kept in lower case. */
export const fqdnSchema = z
  .string()
  .max(253)
  .refine((value) => value.split('.').length >= 2 && value.split('.').every((label) => HOST_LABEL.test(label)), 'Expected a fully qualified domain name')
  .transform((value) => value.toLowerCase());

const dnSchema = z.string().refine((value) => {
  try {
    return parseDn(value).length > 0;
  } catch {
    return false;
  }
}, 'Expected a distinguished name such as DC=contoso,DC=com');

const relativeFileSchema = z.string().min(1).max(255);

export const SERVICE_STATES = ['running', 'stopped'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

export const poolDefinitionSchema = z
  .object({
    fqdn: fqdnSchema,
    /** ocs2007r2 | lync2010 (legacy Group Chat) | pc2013 (Persistent Chat). */
    kind: z.enum(SOURCE_FLAVOURS),
    database: z
      .object({
        /** As -DBInstance takes it; SQLite paths are relative to the deployment folder. */
        instance: z.string().min(1),
        /** -DBName; default mgc for SQL Server. */
        name: z.string().min(1).optional(),
      })
      .strict(),
    /** The pool's file store (UNC path or folder). */
    fileStore: z.string().min(1).optional(),
    /** Legacy pools: the SIP URI the Lookup service registers with (default sip:ocschat@<first SIP domain>). */
    lookupSipAddress: z.string().optional(),
    /** msRTCSIP-PrimaryHomeServer of objects homed on this pool. */
    homeServerDn: dnSchema.optional(),
    /** The services' state when pcmig first sees the deployment. */
    services: z.enum(SERVICE_STATES).default('running'),
  })
  .strict();

export const trustedApplicationPoolDefinitionSchema = z
  .object({
    fqdn: fqdnSchema,
    /** The Registrar (Front End pool) the trusted application pool is associated with. */
    registrar: fqdnSchema.optional(),
    site: z.string().min(1).optional(),
    computers: z.array(fqdnSchema).default([]),
    /** The legacy Group Chat pool it runs (default: the legacy pool with the same FQDN). */
    groupChatPool: fqdnSchema.optional(),
  })
  .strict();

export const trustedApplicationDefinitionSchema = z
  .object({
    /** With or without the urn:application: prefix. */
    applicationId: z.string().min(1).max(256),
    /** FQDN of its trusted application pool. */
    pool: fqdnSchema,
    port: z.number().int().min(1).max(65535).optional(),
  })
  .strict();

const embeddedDirectorySchema = z
  .object({
    kind: z.literal('embedded'),
    file: relativeFileSchema.default('directory.json'),
  })
  .strict();

const ldapDirectorySchema = z
  .object({
    kind: z.literal('ldap'),
    url: z.string().regex(/^ldaps?:\/\/[^/\s]+\/?$/i, 'Expected ldap://host[:port] or ldaps://host[:port]'),
    bindDn: z.string().min(1),
    /** Name of the environment variable holding the bind password. */
    passwordEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Expected an environment variable name'),
    /** Where users are searched (default: the forest root). */
    userSearchBases: z.array(dnSchema).min(1).optional(),
    tls: z
      .object({
        caFile: z.string().min(1).optional(),
        rejectUnauthorized: z.boolean().optional(),
        startTls: z.boolean().optional(),
      })
      .strict()
      .optional(),
    timeoutMs: z.number().int().min(100).max(600_000).optional(),
  })
  .strict();

export const directoryDefinitionSchema = z.discriminatedUnion('kind', [embeddedDirectorySchema, ldapDirectorySchema]);

export const topologyDefinitionSchema = z
  .object({
    kind: z.literal('embedded'),
    file: relativeFileSchema.default('topology.json'),
  })
  .strict();

/** deployment.json, as documented in docs/deployment.md. */
export const deploymentDefinitionSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1).default(1),
    /** A label for reports. */
    name: z.string().min(1).max(256).optional(),
    /** The forest root DN: CN=Configuration and the Application Contacts container live below it. */
    forestDn: dnSchema,
    /** The organisation's SIP domains; endpoint SIP addresses must be in one of them. */
    sipDomains: z.array(fqdnSchema).min(1),
    pools: z.array(poolDefinitionSchema).min(1),
    trustedApplicationPools: z.array(trustedApplicationPoolDefinitionSchema).default([]),
    trustedApplications: z.array(trustedApplicationDefinitionSchema).default([]),
    directory: directoryDefinitionSchema.default({ kind: 'embedded', file: 'directory.json' }),
    topology: topologyDefinitionSchema.default({ kind: 'embedded', file: 'topology.json' }),
  })
  .strict()
  .superRefine((definition, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    duplicates(definition.pools.map((pool) => pool.fqdn)).forEach((fqdn) => issue(['pools'], `Pool ${fqdn} is listed twice`));
    definition.pools.forEach((pool, index) => {
      if (pool.lookupSipAddress === undefined) return;
      if (!isLegacyFlavour(pool.kind)) {
        issue(['pools', index, 'lookupSipAddress'], 'Only legacy Group Chat pools (ocs2007r2, lync2010) have a Lookup service');
        return;
      }
      try {
        const address = parseSipAddress(pool.lookupSipAddress);
        if (!definition.sipDomains.includes(address.domain)) issue(['pools', index, 'lookupSipAddress'], `${address.domain} is not one of sipDomains`);
      } catch (error) {
        issue(['pools', index, 'lookupSipAddress'], (error as Error & { shortMessage?: string }).shortMessage ?? String(error));
      }
    });
    const trustedPools = definition.trustedApplicationPools.map((pool) => pool.fqdn);
    duplicates(trustedPools).forEach((fqdn) => issue(['trustedApplicationPools'], `Trusted application pool ${fqdn} is listed twice`));
    definition.trustedApplicationPools.forEach((pool, index) => {
      if (pool.groupChatPool === undefined) return;
      const target = definition.pools.find((candidate) => candidate.fqdn === pool.groupChatPool);
      if (!target || !isLegacyFlavour(target.kind)) issue(['trustedApplicationPools', index, 'groupChatPool'], `${pool.groupChatPool} is not a legacy Group Chat pool of this deployment`);
    });
    definition.trustedApplications.forEach((application, index) => {
      if (!trustedPools.includes(application.pool)) issue(['trustedApplications', index, 'pool'], `${application.pool} is not a trusted application pool of this deployment`);
    });
    duplicates(definition.trustedApplications.map((application) => `${application.pool}/${normalizeApplicationId(application.applicationId)}`)).forEach((identity) =>
      issue(['trustedApplications'], `Trusted application ${identity} is listed twice`),
    );
  });

export type DeploymentDefinition = z.infer<typeof deploymentDefinitionSchema>;
/** What createDeployment accepts: deployment.json with its defaults left out. */
export type DeploymentDefinitionInput = z.input<typeof deploymentDefinitionSchema>;
export type PoolDefinition = z.infer<typeof poolDefinitionSchema>;
export type DirectoryDefinition = z.infer<typeof directoryDefinitionSchema>;
export type LdapDirectoryDefinition = z.infer<typeof ldapDirectorySchema>;

/** Trusted application ids carry the urn:application: prefix (Lync adds it; the cmdlets accept it without). */
export function normalizeApplicationId(applicationId: string): string {
  const trimmed = applicationId.trim();
  return /^urn:application:/i.test(trimmed) ? `urn:application:${trimmed.slice('urn:application:'.length)}` : `urn:application:${trimmed}`;
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}
