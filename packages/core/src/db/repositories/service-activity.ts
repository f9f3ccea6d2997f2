import type { SqlConnection } from '../connection.js';
import { toDateOrNull, toInt, toText } from '../values.js';

export interface ServerIdentity {
  readonly serverId: number;
  readonly address: string;
  readonly lastPing: Date | null;
}

export interface AdminLock {
  readonly expires: Date | null;
  readonly serverId: number;
  readonly actorId: number;
}

/** What the database shows of running chat services (tblServerIdentity pings, tblAdminLock). */
export interface ServiceActivity {
  readonly servers: readonly ServerIdentity[];
  readonly adminLocks: readonly AdminLock[];
}

export async function readServiceActivity(connection: SqlConnection): Promise<ServiceActivity> {
  const servers = await connection.query<Record<string, unknown>>(
    'SELECT serverID, serverAddress, serverLastPingTime FROM tblServerIdentity ORDER BY serverID',
  );
  const locks = await connection.query<Record<string, unknown>>('SELECT lockExpiresTime, lockServerID, lockActorID FROM tblAdminLock');
  return {
    servers: servers.map((row) => ({
      serverId: toInt(row.serverID, 'tblServerIdentity.serverID'),
      address: toText(row.serverAddress),
      lastPing: toDateOrNull(row.serverLastPingTime),
    })),
    adminLocks: locks.map((row) => ({
      expires: toDateOrNull(row.lockExpiresTime),
      serverId: toInt(row.lockServerID, 'tblAdminLock.lockServerID'),
      actorId: toInt(row.lockActorID, 'tblAdminLock.lockActorID'),
    })),
  };
}

/**
 * Decision: a server whose last ping is younger than this counts as running (the chat service
 * pings far more often; an hour leaves room for clock skew between servers).
 */
export const RUNNING_PING_WINDOW_MS = 60 * 60 * 1000;

/** Servers that look alive at `now`, and admin locks still held. */
export function runningEvidence(activity: ServiceActivity, now: Date): { servers: ServerIdentity[]; locks: AdminLock[] } {
  return {
    servers: activity.servers.filter((s) => s.lastPing !== null && now.getTime() - s.lastPing.getTime() < RUNNING_PING_WINDOW_MS),
    locks: activity.adminLocks.filter((l) => l.expires === null || l.expires.getTime() > now.getTime()),
  };
}
