import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { isNetworkPath, isNetworkType } from './network-file-system.js';

describe('isNetworkPath', () => {
  it('knows the network file systems by their statfs type', () => {
    expect(isNetworkType(0xff534d42)).toBe(true); // CIFS
    expect(isNetworkType(0xfe534d42)).toBe(true); // SMB2
    expect(isNetworkType(0x6969)).toBe(true); // NFS
    expect(isNetworkType(0xef53)).toBe(false); // ext4
    expect(isNetworkType(0x01021994)).toBe(false); // tmpfs
  });

  it('treats UNC paths as network paths on Windows, and unknown paths as local', () => {
    expect(isNetworkPath('\\\\fileserver\\lyncshare\\store', 'win32')).toBe(true);
    expect(isNetworkPath('D:\\GroupChatFiles', 'win32')).toBe(false);
    expect(isNetworkPath('/nonexistent/path', 'linux')).toBe(false);
    expect(isNetworkPath(os.tmpdir(), 'linux')).toBe(false);
  });
});
