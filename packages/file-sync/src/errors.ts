import { defineErrorCatalog } from '@pcmig/core/errors';

/** Errors of the file-store copy and the link check (area FS, listed in docs/errors/file-sync.md). */
export const fsErrors = defineErrorCatalog('FS', {
  'PCMIG-FS-001': {
    category: 'InvalidArgument',
    title: 'An option of the file-store copy is missing or out of range.',
    hint: 'Give -Source and -Destination as folder paths; -Threads 1–64, -Retry 0–100, -Wait 0–3600 seconds.',
  },
  'PCMIG-FS-002': {
    category: 'ObjectNotFound',
    title: 'The folder does not exist.',
    hint: 'Check the path. A UNC share (\\\\server\\share) must be reachable from this machine; on Linux, mount it first and give the mount point.',
  },
  'PCMIG-FS-003': {
    category: 'InvalidArgument',
    title: 'The path is not a folder.',
    hint: 'Give the folder that holds the uploaded files (the whole file store), not a file inside it.',
  },
  'PCMIG-FS-004': {
    category: 'InvalidArgument',
    title: 'The source and destination folders overlap.',
    hint: 'Choose a destination outside the source tree that does not contain it either: the copy would otherwise copy itself, and -Mirror could delete source files.',
  },
  'PCMIG-FS-005': {
    category: 'PermissionDenied',
    title: 'The destination cannot be written.',
    hint: 'Give the account running the copy modify rights on the destination share and folder, and check that the volume is not read-only.',
  },
  'PCMIG-FS-006': {
    category: 'ResourceUnavailable',
    title: 'The destination ran out of space during the copy.',
    hint: 'Free space or extend the volume, then run the same command again: completed files are kept, unfinished ones were removed, and the rerun copies only what is missing.',
  },
  'PCMIG-FS-007': {
    category: 'ReadError',
    title: 'The source folder cannot be read.',
    hint: 'Give the account running the copy read rights on the whole source file store.',
  },
  'PCMIG-FS-008': {
    category: 'WriteError',
    title: 'An item could not be copied, replaced or removed within the allowed retries.',
    hint: 'The cause names the operating-system error. Correct it (rights, locks, network) and run the same command again; only what is missing is copied.',
  },
  'PCMIG-FS-009': {
    category: 'InvalidResult',
    title: 'The copied file does not match the source (SHA-256 differs).',
    hint: 'The source changed during the copy or the storage path corrupts data. Stop the chat services (the file store must not change during the copy), check disks and network, and run again with -Verify.',
  },
  'PCMIG-FS-010': {
    category: 'InvalidArgument',
    title: 'The log file would be inside the source or destination tree.',
    hint: 'Write the -Log file outside both folders, for example next to the migration reports.',
  },
  'PCMIG-FS-011': {
    category: 'ResourceBusy',
    title: 'Another copy is running into this destination.',
    hint: 'Wait for it to finish. If no copy is running (for example after the server restarted), delete the lock file named in the message and run again.',
  },
  'PCMIG-FS-012': {
    category: 'WriteError',
    title: 'The manifest of the destination could not be written.',
    hint: 'The files were copied; only the audit manifest is missing. Correct the cause and run again with -Verify to write it.',
  },
  'PCMIG-FS-013': {
    category: 'OperationStopped',
    title: 'The copy was stopped before it finished.',
    hint: 'Completed files are kept and unfinished ones were removed. Run the same command again to copy what is missing.',
  },
  'PCMIG-FS-014': {
    category: 'WriteError',
    title: 'The log file cannot be written.',
    hint: 'Give a -Log path in an existing folder that the account running the copy may write.',
  },
  'PCMIG-FS-015': {
    category: 'InvalidData',
    title: 'Some source files are not in the destination: their names cannot be stored on the Persistent Chat file store.',
    hint: 'The warnings name each file and why (character NTFS forbids, reserved name, case collision, path too long). Rename them in the source store and in the messages that link to them, or copy them by hand, then run the copy again.',
  },
  'PCMIG-FS-016': {
    category: 'ObjectNotFound',
    title: 'Messages link to files that the Persistent Chat file store does not have.',
    hint: 'Run Copy-CsPersistentChatFileStore from the legacy store to this folder (with -Verify), then check again. The result lists each message (room, chat id, date) and the missing path.',
  },
});

export type FsErrorId = keyof typeof fsErrors.definitions;
