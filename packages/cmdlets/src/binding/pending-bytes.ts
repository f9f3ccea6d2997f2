/**
 * A Byte[] argument as given on the command line, read only once binding has succeeded:
 * `-` is standard input, `@<path>` a file. (Inside PowerShell the module hands byte arrays over as
 * files this way.)
 */
export class PendingBytes {
  constructor(
    readonly source: 'stdin' | 'file',
    readonly path?: string,
  ) {}

  describe(): string {
    return this.source === 'stdin' ? 'standard input' : `file ${this.path}`;
  }
}
