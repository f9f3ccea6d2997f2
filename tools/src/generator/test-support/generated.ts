import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  openPool,
  PersistentChatStore,
  SourceReader,
  type Addin,
  type Affiliation,
  type Message,
  type Principal,
  type RoleAssignment,
  type ScopeEntry,
  type SourceCategory,
  type SourceRoom,
  type StoredCategory,
  type StoredRoom,
} from '@pcmig/core';
import { generateDeployment } from '../generate-deployment.js';
import type { GenerateOptions } from '../options.js';
import type { GeneratedDeployment } from '../result-types.js';

const folders: string[] = [];

/** A fresh folder under the system temp directory, removed by cleanUp(). */
export function tempFolder(label: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `pcmig-gen-${label}-`));
  folders.push(folder);
  return folder;
}

export function cleanUp(): void {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
}

/** Generates into a new temp folder (`out` is filled in). */
export async function generate(label: string, options: Omit<GenerateOptions, 'out'>): Promise<GeneratedDeployment> {
  return generateDeployment({ ...options, out: path.join(tempFolder(label), 'deployment') });
}

/** Everything a legacy pool holds, read back through SourceReader (the way the export reads it). */
export interface LegacyContents {
  readonly principals: Principal[];
  readonly affiliations: Affiliation[];
  readonly categories: SourceCategory[];
  readonly rooms: SourceRoom[];
  readonly roles: RoleAssignment[];
  readonly scopes: ScopeEntry[];
  readonly addins: Addin[];
  readonly messages: Message[];
  readonly reader: SourceReader;
}

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}

export async function readLegacy(result: GeneratedDeployment, use: (contents: LegacyContents) => Promise<void> | void): Promise<void> {
  const pool = await openPool({ dbInstance: result.legacy.database.dbInstance, access: 'read' });
  try {
    const reader = new SourceReader(pool);
    await use({
      principals: await collect(reader.principals()),
      affiliations: await collect(reader.affiliations()),
      categories: await reader.categories(),
      rooms: await reader.rooms(),
      roles: await collect(reader.roles()),
      scopes: await collect(reader.scopes()),
      addins: await reader.addins(),
      messages: await collect(reader.messages()),
      reader,
    });
  } finally {
    await pool.close();
  }
}

export interface TargetContents {
  readonly principals: Principal[];
  readonly categories: StoredCategory[];
  readonly rooms: StoredRoom[];
  readonly addins: Addin[];
  readonly store: PersistentChatStore;
}

export async function readTarget(result: GeneratedDeployment, use: (contents: TargetContents) => Promise<void> | void): Promise<void> {
  if (!result.target) throw new Error('No target was generated');
  const pool = await openPool({ dbInstance: result.target.database.dbInstance, access: 'read', role: 'target' });
  try {
    const store = new PersistentChatStore(pool);
    await use({ principals: await collect(store.principals()), categories: await store.categories(), rooms: await store.rooms(), addins: await store.addins(), store });
  } finally {
    await pool.close();
  }
}
