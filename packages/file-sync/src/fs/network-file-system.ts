import fs from 'node:fs';

/**
 * statfs f_type values of network and user-space file systems (Linux): CIFS, SMB2, SMB, NFS,
 * Ceph, AFS, FUSE (sshfs, …) and 9P (WSL and virtual-machine shares).
 */
const NETWORK_TYPES = new Set([0xff534d42, 0xfe534d42, 0x517b, 0x6969, 0x00c36400, 0x5346414f, 0x65735546, 0x01021997]);

export function isNetworkType(type: number): boolean {
  return NETWORK_TYPES.has(type >>> 0);
}

/**
 * Whether a folder lies on a network share, where every lstat is a round trip and scanning on
 * several threads pays. On Windows: a UNC path (\\server\share). Unknown counts as local.
 */
export function isNetworkPath(path: string, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32') return path.startsWith('\\\\');
  try {
    return isNetworkType(Number(fs.statfsSync(path).type));
  } catch {
    return false;
  }
}
