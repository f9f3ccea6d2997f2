import { defineErrorCatalog } from '../errors/define-error-catalog.js';

/** Errors about reading and writing export packages. Documented in docs/errors/package.md. */
export const pkgErrors = defineErrorCatalog('PKG', {
  'PCMIG-PKG-001': {
    category: 'InvalidData',
    title: 'The package is not a readable zip archive.',
    hint: 'The file is damaged or is not an export package. Export it again, or copy it again from where it was written.',
  },
  'PCMIG-PKG-002': {
    category: 'InvalidData',
    title: 'The package is truncated.',
    hint: 'The file ends before its last entry or its directory. Copy it again completely (check free disk space), or export again.',
  },
  'PCMIG-PKG-003': {
    category: 'InvalidData',
    title: 'An entry of the package fails its CRC-32 or size check.',
    hint: 'The package was damaged after it was written. Copy it again from the original, or export again.',
  },
  'PCMIG-PKG-004': {
    category: 'InvalidData',
    title: 'An entry of the package does not match the SHA-256 recorded in its manifest.',
    hint: 'The entry was changed after the export. Packages must not be edited; export again from the source.',
  },
  'PCMIG-PKG-005': {
    category: 'InvalidData',
    title: 'The file is not a pcmig export package.',
    hint: 'pcmig imports packages written by pcmig Export-CsPersistentChatData (they hold pcmig/manifest.json). Export the source with pcmig.',
  },
  'PCMIG-PKG-006': {
    category: 'NotImplemented',
    title: 'The package has a format version this pcmig does not read.',
    hint: 'The package was written by a newer pcmig. Use that release (or a newer one) to import it.',
  },
  'PCMIG-PKG-007': {
    category: 'SecurityError',
    title: 'The package has an entry with an unsafe or unexpected name.',
    hint: 'Entry names must be relative, use / and no . or .. segments, and appear once. The package was not written by pcmig; do not use it.',
  },
  'PCMIG-PKG-008': {
    category: 'SecurityError',
    title: 'An XML entry declares a DOCTYPE; DTDs and entities are refused.',
    hint: 'pcmig never writes a DOCTYPE. The package was altered or not written by pcmig; do not use it.',
  },
  'PCMIG-PKG-009': {
    category: 'InvalidData',
    title: 'An XML entry is malformed or does not have the documented structure.',
    hint: 'The reason names the entry, the position and what was expected (docs/package-format.md). Export again.',
  },
  'PCMIG-PKG-010': {
    category: 'InvalidData',
    title: 'A record of the package does not match its schema.',
    hint: 'The reason names the entry, the record and the field (docs/package-format.md, docs/schemas/). Export again.',
  },
  'PCMIG-PKG-011': {
    category: 'LimitsExceeded',
    title: 'A field, record or entry of the package exceeds its size limit.',
    hint: 'The limits are listed in docs/package-format.md. A package within them cannot trigger this; do not use this package.',
  },
  'PCMIG-PKG-012': {
    category: 'InvalidData',
    title: 'A date in the package is invalid.',
    hint: 'Dates are .NET ticks between 0001-01-01 and 9999-12-31 written as decimal text (docs/package-format.md). Export again.',
  },
  'PCMIG-PKG-013': {
    category: 'InvalidData',
    title: 'The entries of the package do not match its manifest.',
    hint: 'An entry is missing, unlisted or holds a different number of records than the manifest says. Export again.',
  },
  'PCMIG-PKG-014': {
    category: 'NotImplemented',
    title: 'The package uses a zip feature pcmig does not read.',
    hint: 'pcmig reads unencrypted, single-volume archives compressed with deflate or stored, as it writes them.',
  },
  'PCMIG-PKG-015': {
    category: 'ReadError',
    title: 'The package file cannot be read.',
    hint: 'Check the path and that the account running pcmig may read the file.',
  },
  'PCMIG-PKG-016': {
    category: 'LimitsExceeded',
    title: 'The data is too large to be written into a package entry.',
    hint: 'The reason names the entry and the limit (docs/package-format.md). Export with -Scope to split the pool into several packages.',
  },
  'PCMIG-PKG-017': {
    category: 'InvalidData',
    title: 'The source changed while the package was being written.',
    hint: 'Stop every Group Chat / Persistent Chat service using the database (the migration requires it), then export again.',
  },
  'PCMIG-PKG-019': {
    category: 'InvalidData',
    title: 'The source holds a value the package format cannot carry.',
    hint: 'The reason names the record and the field. Correct the row in the source (in a restored copy if need be), then export again.',
  },
  'PCMIG-PKG-018': {
    category: 'InvalidOperation',
    title: 'The package is closed.',
    hint: 'Open the package again with openPackage before reading it.',
  },
});

export type PkgErrorId = keyof typeof pkgErrors.definitions;
