/** Names of files people posted into rooms (Unicode, spaces and brackets included). */
export const FILE_STEMS: readonly string[] = [
  'Quarterly report', 'Release notes', 'Meeting minutes', 'Prüfbericht', 'Résumé', 'Budget', 'Forecast', 'Invoice',
  'Price list', 'Runbook', 'Build log', 'Screenshot', 'Org chart', 'Roadmap', 'Contract draft', 'Presupuesto',
  'Compte rendu', '報告書', '会议纪要', 'דוח רבעוני', 'تقرير', 'Notes (final)', 'Agenda', 'Checklist', 'Export', 'Données',
  'Übersicht', 'Präsentation', 'Kick-off 🎉', 'Architecture', 'Test plan', 'Incident timeline',
];

export interface FileKind {
  readonly extension: string;
  /** Text files get lines of words; others get a header and random bytes. */
  readonly text: boolean;
  /** Leading bytes of the format, so that the file looks like one. */
  readonly magic?: readonly number[];
}

export const FILE_KINDS: readonly FileKind[] = [
  { extension: 'txt', text: true },
  { extension: 'csv', text: true },
  { extension: 'log', text: true },
  { extension: 'md', text: true },
  { extension: 'png', text: false, magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { extension: 'pdf', text: false, magic: [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a] },
  { extension: 'docx', text: false, magic: [0x50, 0x4b, 0x03, 0x04] },
  { extension: 'xlsx', text: false, magic: [0x50, 0x4b, 0x03, 0x04] },
  { extension: 'zip', text: false, magic: [0x50, 0x4b, 0x03, 0x04] },
];
