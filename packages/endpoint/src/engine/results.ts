import type { ServiceState } from '../topology/topology.js';

/** A Persistent Chat endpoint as Get-CsPersistentChatEndpoint shows it (OCSPersistentChatContact). */
export interface PersistentChatEndpoint {
  /** The contact's distinguished name. */
  readonly identity: string;
  readonly sipAddress: string;
  readonly displayName: string | null;
  /** The pool it points to; null when its home server matches no pool of the topology. */
  readonly persistentChatPoolFqdn: string | null;
  readonly guid: string | null;
  readonly enabled: boolean;
}

/**
 * One change an engine made or, under -WhatIf, would make — in order. `description` is the
 * sentence the host prints ("What if: ..." under -WhatIf).
 */
export type EngineAction =
  | { readonly code: 'remove-user'; readonly target: string; readonly sipAddress: string; readonly displayName: string | null; readonly description: string }
  | {
      readonly code: 'create-endpoint';
      readonly target: string;
      readonly sipAddress: string;
      readonly displayName: string | null;
      readonly persistentChatPoolFqdn: string;
      readonly description: string;
    }
  | { readonly code: 'remove-endpoint'; readonly target: string; readonly sipAddress: string; readonly description: string }
  | { readonly code: 'restore-user'; readonly target: string; readonly sipAddress: string; readonly description: string }
  | { readonly code: 'remove-trusted-application'; readonly target: string; readonly description: string }
  | { readonly code: 'remove-trusted-application-pool'; readonly target: string; readonly applications: readonly string[]; readonly description: string }
  | { readonly code: 'set-service-state'; readonly target: string; readonly from: ServiceState; readonly to: ServiceState; readonly description: string };

/** What every mutating engine function returns. */
export interface EngineResult {
  readonly whatIf: boolean;
  /** Done (or, under -WhatIf, planned), in order. */
  readonly actions: readonly EngineAction[];
  readonly warnings: readonly string[];
  /** An interrupted lookup URI move that was repaired before the command ran. */
  readonly recovered: RecoveryReport | null;
}

/** How an interrupted lookup URI move was found and repaired. */
export interface RecoveryReport {
  /** The archived journal (deployment folder, journal/history). */
  readonly journal: string;
  readonly startedAt: string;
  readonly sipAddress: string;
  /**
   * completed: the endpoint had been created, only the journal was left;
   * unchanged: the directory was already as before the move; user-restored: the account was deleted
   * and the endpoint not created, so the account was restored.
   */
  readonly outcome: 'completed' | 'unchanged' | 'user-restored';
  readonly identityPreserved: boolean | null;
  readonly actions: readonly EngineAction[];
}
