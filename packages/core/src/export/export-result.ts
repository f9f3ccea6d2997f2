import type { ExportLevel } from '../model/constants.js';
import type { MonthTally } from '../model/source-data.js';
import type { PackageCounts, PackageManifest } from '../package/index.js';

/** Something the administrator should know about an export, keyed by `code`, located by `path`. */
export type ExportNotice =
  | {
      readonly code: 'unknown-principals';
      readonly severity: 'warning';
      /** Where the package records them. */
      readonly path: 'pcmig/manifest.json#unknownPrincipalIds';
      readonly principalIds: readonly number[];
    }
  | {
      readonly code: 'federated-principals';
      readonly severity: 'warning';
      readonly path: 'AdUsers.xml';
      readonly principalIds: readonly number[];
      /** Rooms in which they hold a role. */
      readonly roomIds: readonly number[];
    }
  | {
      readonly code: 'orphan-messages';
      readonly severity: 'warning';
      readonly path: 'tblChat';
      /** tblChat.channelId values without a room in tblNode. */
      readonly channelIds: readonly number[];
      readonly messages: number;
    }
  | {
      readonly code: 'scope-matched-several';
      readonly severity: 'info';
      readonly path: `-Scope[${number}]`;
      readonly scope: string;
      readonly categoryIds: readonly number[];
    }
  | {
      readonly code: 'disabled-rooms-exported';
      readonly severity: 'info';
      readonly path: 'ChatRooms.xml';
      /** Rooms disabled in the source before the export, exported with isDisabled="1". */
      readonly roomIds: readonly number[];
    };

export interface CategorySummary {
  readonly id: number;
  /** Parent\Child path (the root shows its own name). */
  readonly path: string;
  /** Present only as an ancestor of the -Scope. */
  readonly context: boolean;
  readonly disabled: boolean;
  readonly rooms: number;
  readonly messagesKept: number;
  readonly messagesCut: number;
}

export interface RoomSummary {
  readonly id: number;
  readonly name: string;
  readonly categoryId: number;
  readonly categoryPath: string;
  readonly disabled: boolean;
  readonly roles: number;
  readonly messagesKept: number;
  readonly messagesCut: number;
}

export interface FederatedPrincipal {
  readonly id: number;
  readonly uri: string;
  readonly displayName: string | null;
  readonly roomIds: readonly number[];
}

export interface DisabledNodes {
  /** Disabled by this export. */
  readonly categoryIds: readonly number[];
  readonly roomIds: readonly number[];
  /** Exported nodes that were disabled already. */
  readonly alreadyDisabledIds: readonly number[];
  /** Rows the update changed. */
  readonly changed: number;
}

export interface ExportResult {
  /** The package file, or null with -AsBytes. */
  readonly fileName: string | null;
  /** The package, with -AsBytes. */
  readonly bytes: Uint8Array | null;
  /** Bytes of the package. */
  readonly size: number;
  readonly level: ExportLevel;
  readonly manifest: PackageManifest;
  readonly counts: PackageCounts;
  readonly startDate: Date | null;
  /** What -StartDate left out. */
  readonly cut: { readonly messages: number; readonly rooms: readonly { roomId: number; name: string; count: number }[]; readonly months: readonly MonthTally[] };
  /** What -DisableExportedNodes disabled, or null without it. */
  readonly disabled: DisabledNodes | null;
  readonly reportFileName: string | null;
  readonly categories: readonly CategorySummary[];
  readonly rooms: readonly RoomSummary[];
  readonly federated: readonly FederatedPrincipal[];
  readonly notices: readonly ExportNotice[];
}
