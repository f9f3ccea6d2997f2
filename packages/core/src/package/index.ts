// The export package (docs/package-format.md): writing any SourceData as a deterministic,
// verifiable zip, and reading one back as a SourceData.
export { pkgErrors, type PkgErrorId } from './errors.js';
export { EntryName, FORMAT_NAME, FORMAT_VERSION, PACKAGE_LIMITS, chunkName, chunkKind } from './format/package-layout.js';
export { manifestSchema, type ManifestEntry, type MessageKey, type PackageCounts, type PackageManifest } from './format/package-manifest.js';
export { fileReferenceLineSchema, messageLine, messageLineSchema, type FileReference } from './format/json-records.js';
export { packageSchemaDocuments } from './format/schema-documents.js';
export { openPackage, type MigrationPackage, type PackageInput } from './read/open-package.js';
export { DEFAULT_COMPRESSION_LEVEL, writePackage, type WritePackageOptions, type WritePackageResult } from './write/write-package.js';
export type { MessagePage, MessagePageSource } from './write/message-pages.js';
export { FileSink, MemorySink, type ZipSink } from './zip/zip-sink.js';
