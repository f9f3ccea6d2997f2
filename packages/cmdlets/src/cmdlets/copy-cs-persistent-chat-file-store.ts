import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';

const parameters = {
  Source: { type: 'String', mandatory: true, position: 0, notNullOrEmpty: true, description: 'The legacy file store folder (the whole uploaded-files folder).' },
  Destination: { type: 'String', mandatory: true, position: 1, notNullOrEmpty: true, description: 'The Persistent Chat file store folder (created if missing).' },
  Checksum: { type: 'SwitchParameter', description: 'Decides what to copy by content (SHA-256 of both sides) instead of size and modification time.' },
  Verify: { type: 'SwitchParameter', description: 'Hashes every copied file on both sides before it takes its final name, and writes the manifest with the hashes.' },
  Mirror: { type: 'SwitchParameter', description: 'Also removes destination files and folders that the source does not have.' },
  Threads: { type: 'Int32', validateRange: [1, 64], description: 'Files copied at the same time (default: twice the processors, 4 to 16).' },
  Retry: { type: 'Int32', validateRange: [0, 100], defaultValue: 3, description: 'Retries of an item that failed.' },
  Wait: { type: 'Int32', validateRange: [0, 3600], defaultValue: 5, description: 'Seconds between retries.' },
  Log: { type: 'String', notNullOrEmpty: true, description: 'A text log of the run (overwritten); not inside the source or destination.' },
  MaxPathLength: { type: 'Int32', validateRange: [1, 32767], defaultValue: 200, description: 'Store-relative paths longer than this are reported.' },
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type FileStoreCopyValues = BoundValues<typeof parameters>;

export const copyCsPersistentChatFileStore = defineCmdlet({
  name: 'Copy-CsPersistentChatFileStore',
  synopsis: 'Copies the legacy Group Chat file store into the Persistent Chat file store, verified and restartable.',
  description:
    'pcmig\'s replacement for the XCOPY step of Microsoft\'s procedure (copy the entire uploaded-files folder to the new file store). It plans first — what to create, copy, replace, skip and, with -Mirror, delete — and reports names the Persistent Chat server (NTFS) cannot hold, then performs exactly that plan: files are copied under temporary names and renamed when complete, hashed on both sides with -Verify, and a run that was interrupted resumes where it stopped. -WhatIf lists the plan and copies nothing. -Log writes a text log of the run.',
  confirmImpact: 'Medium',
  shouldProcess: { action: 'Copy the file store', target: '{Source} to {Destination}', whatIf: 'engine' },
  parameters,
  examples: [
    { code: 'Copy-CsPersistentChatFileStore filestore-legacy filestore-pc -WhatIf', remarks: 'Lists what the copy would do; copies nothing.' },
    { code: 'Copy-CsPersistentChatFileStore -Source filestore-legacy -Destination filestore-pc -Verify', remarks: 'Copies the store and verifies every copied file by SHA-256.' },
    {
      code: 'Copy-CsPersistentChatFileStore -Source \\\\atl-gc-001\\GroupChatFiles -Destination \\\\atl-pc-001\\PersistentChatFiles -Mirror -Log C:\\Export\\copy.log',
      remarks: 'Copies between two Windows shares, removes what the old store no longer has, and logs the run.',
      requires: 'Windows file shares',
    },
  ],
  outputs: {
    typeName: 'Pcmig.PersistentChat.FileStoreCopyResult',
    description: 'Status (Success, CompletedWithWarnings, Failed), Source, Destination, WhatIf, Folders, Copied, Replaced, Skipped, Deleted, Bytes, Verified, Failed, Findings, Manifest, Log.',
    view: 'list',
  },
  async run(values, context) {
    const { runFileStoreCopy } = await import('../engines/run-file-store-copy.js');
    await runFileStoreCopy(values, context);
  },
});
