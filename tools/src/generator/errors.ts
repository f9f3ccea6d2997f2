import { defineErrorCatalog } from '@pcmig/core';

/** Errors of the data generator (tools). Documented in docs/errors/generator.md. */
export const generatorErrors = defineErrorCatalog('GEN', {
  'PCMIG-GEN-001': {
    category: 'InvalidArgument',
    title: 'The size is not one the generator knows.',
    hint: 'Use tiny, small, medium or large (docs/generator.md lists what each holds).',
  },
  'PCMIG-GEN-002': {
    category: 'InvalidArgument',
    title: 'The flavour is not a legacy Group Chat flavour.',
    hint: 'Use lync2010 (Lync Server 2010 Group Chat) or ocs2007r2 (OCS 2007 R2 Group Chat).',
  },
  'PCMIG-GEN-003': {
    category: 'InvalidArgument',
    title: 'The seed is not a whole number between 0 and 4294967295.',
    hint: 'Give --seed a whole number; the same seed always produces the same deployment.',
  },
  'PCMIG-GEN-004': {
    category: 'InvalidArgument',
    title: 'A planting knob is out of range for this size.',
    hint: 'Counts are whole numbers of zero or more, and the cases that need rooms of their own must fit in the rooms of the size. The reason names the knob and its limit.',
  },
  'PCMIG-GEN-005': {
    category: 'ResourceExists',
    title: 'The output already exists.',
    hint: 'Generate into a new or empty folder (and a new SQL Server database); the generator never overwrites a deployment.',
  },
  'PCMIG-GEN-006': {
    category: 'WriteError',
    title: 'The file store cannot be written.',
    hint: 'Check that the output folder is writable and that the disk has room.',
  },
  'PCMIG-GEN-007': {
    category: 'InvalidArgument',
    title: 'The command line cannot be parsed.',
    hint: 'Run the generator with --help for its options.',
  },
  'PCMIG-GEN-008': {
    category: 'InvalidArgument',
    title: 'The cutoff date is not a date inside the generated history.',
    hint: 'Give an ISO-8601 date between 2009-03-01 and 2013-06-28 (the span of the generated messages), e.g. 2010-01-01.',
  },
});

export type GeneratorErrorId = keyof typeof generatorErrors.definitions;
