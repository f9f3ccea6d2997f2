import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../test-support/trees.js';
import { newFileMode } from './copy-file-system.js';

const dirs = tempDirs('pcmig-modes-');
afterEach(() => dirs.cleanup());

describe('newFileMode', () => {
  it('is the mode a file created here gets', () => {
    const file = path.join(dirs.make(), 'new.txt');
    fs.writeFileSync(file, '');
    expect(newFileMode().toString(8)).toBe((fs.statSync(file).mode & 0o7777).toString(8));
  });

  it('is 0o666 less the umask of the process status', () => {
    expect(newFileMode('Name:\tnode\nUmask:\t0027\nState:\tR (running)\n')).toBe(0o640);
    expect(newFileMode('Umask:\t0002\n')).toBe(0o664);
    expect(newFileMode('Umask:\t0777\n')).toBe(0);
  });
});
