import readline from 'node:readline';
import type { HostIO } from './host-io.js';

export type ConfirmAnswer = 'yes' | 'yesToAll' | 'no' | 'noToAll' | 'suspend';

const CHOICES: readonly { key: string; label: string; answer: ConfirmAnswer; help: string }[] = [
  { key: 'Y', label: 'Yes', answer: 'yes', help: 'Continue with only the next step of the operation.' },
  { key: 'A', label: 'Yes to All', answer: 'yesToAll', help: 'Continue with all the steps of the operation.' },
  { key: 'N', label: 'No', answer: 'no', help: 'Skip this operation and proceed with the next operation.' },
  { key: 'L', label: 'No to All', answer: 'noToAll', help: 'Skip this operation and all subsequent operations.' },
  { key: 'S', label: 'Suspend', answer: 'suspend', help: 'Stop the command here (pcmig has no nested prompt to suspend to).' },
];

/**
 * PowerShell's confirmation prompt, on the terminal (stderr, so that stdout stays the output):
 * [Y] Yes [A] Yes to All [N] No [L] No to All [S] Suspend [?] Help (default is "Y").
 */
export async function askConfirmation(io: HostIO, target: string, action: string): Promise<ConfirmAnswer> {
  const rl = readline.createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  try {
    io.stderr.write(`\nConfirm\nAre you sure you want to perform this action?\nPerforming the operation "${action}" on target "${target}".\n`);
    for (;;) {
      io.stderr.write(`${CHOICES.map((c) => `[${c.key}] ${c.label}`).join('  ')}  [?] Help (default is "Y"): `);
      const next = await lines.next();
      if (next.done) return 'suspend';
      const text = String(next.value).trim().toUpperCase();
      if (text === '') return 'yes';
      if (text === '?') {
        io.stderr.write(`${CHOICES.map((c) => `${c.key} - ${c.help}`).join('\n')}\n`);
        continue;
      }
      const choice = CHOICES.find((c) => c.key === text || c.label.toUpperCase() === text);
      if (choice) return choice.answer;
    }
  } finally {
    rl.close();
  }
}
