import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { DB_NAME } from './target-database-parameters.js';

const parameters = {
  DBInstance: { type: 'String', mandatory: true, notNullOrEmpty: true, description: 'The target Persistent Chat database (SQL Server instance or embedded database file).' },
  DBName: DB_NAME,
  FileName: { type: 'String', sets: ['FileName'], mandatory: ['FileName'], notNullOrEmpty: true, description: 'The package that was imported.' },
  ByteInput: { type: 'Byte[]', sets: ['ByteInput'], mandatory: ['ByteInput'], valueFromPipeline: true, description: 'The package that was imported, as bytes (by value from the pipeline).' },
  SourceDBInstance: { type: 'String', sets: ['Database'], mandatory: ['Database'], notNullOrEmpty: true, description: 'The source database that was exported (read-only).' },
  SourceDBName: { type: 'String', sets: ['Database'], notNullOrEmpty: true, description: 'The source database on its SQL Server instance.' },
  StartDate: { type: 'DateTime', sets: ['Database'], description: 'The -StartDate given to the export, so that the messages it left out are not expected.' },
  CategorySeparator: { type: 'String', notNullOrEmpty: true, description: 'As given to the import, when the target does not record the import itself.' },
  ShortenLongNames: { type: 'SwitchParameter', description: 'As given to the import, when the target does not record the import itself.' },
  RootRoomsCategory: { type: 'String', notNullOrEmpty: true, description: 'As given to the import, when the target does not record the import itself.' },
  Report: { type: 'String', notNullOrEmpty: true, description: 'Path of an HTML report of every check.' },
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type VerificationValues = BoundValues<typeof parameters>;

export const testCsPersistentChatMigration = defineCmdlet({
  name: 'Test-CsPersistentChatMigration',
  synopsis: 'Verifies that the data has migrated: compares the source with the Persistent Chat database.',
  description:
    'pcmig\'s own cmdlet for step 10 of Microsoft\'s procedure ("verify that the data has migrated successfully"). It compares a source — the legacy database (-SourceDBInstance, with the export\'s -StartDate) or the package (-FileName or -ByteInput) — with the target after the import: categories and rooms under their converted names, their settings, every role list, add-ins, principals, and per room the message count and a content hash. A source object missing from the target passes only when a finding of the plan explains it. It only reads. Returns one result with Passed, the counts and the failed checks; -Report writes every check as HTML.',
  defaultParameterSet: 'FileName',
  confirmImpact: 'None',
  parameters,
  examples: [
    { code: 'Test-CsPersistentChatMigration -DBInstance mgc-target.db -FileName export.zip', remarks: 'Compares the imported package with the target.' },
    {
      code: 'Test-CsPersistentChatMigration -DBInstance atl-sql-002.litwareinc.com\\mgc -SourceDBInstance atl-sql-001.litwareinc.com\\rtc -SourceDBName GroupChat -StartDate "1/1/2010" -Report C:\\Export\\verify.html',
      remarks: 'Compares the legacy Group Chat database with the Persistent Chat database.',
      requires: 'a SQL Server instance',
    },
  ],
  inputs: 'System.Byte[]: the package, by value.',
  outputs: {
    typeName: 'Pcmig.PersistentChat.VerificationResult',
    description: 'Passed, Basis (ledger or names), Checks, PassedChecks, FailedChecks, Explained, Failures (name, path, expected, actual) and ReportPath.',
    view: 'list',
  },
  async run(values, context) {
    const { runVerification } = await import('../engines/run-verification.js');
    await runVerification(values, context);
  },
});
