import { isPcmigError } from '@pcmig/core';
import { describe, expect, it } from 'vitest';
import { parseGenerateArgs } from './parse-generate-args.js';

function usageErrorOf(argv: string[]): string {
  try {
    parseGenerateArgs(argv);
  } catch (error) {
    if (isPcmigError(error)) return `${error.id} ${error.shortMessage}`;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('parseGenerateArgs', () => {
  it('reads sizes, flavours, databases, target and knobs', () => {
    const command = parseGenerateArgs([
      '--size', 'small', '--flavour', 'ocs2007r2', '--out', 'x', '--seed', '42',
      '--db-instance', 'sql01\\gc', '--db-name', 'gcdb',
      '--target', 'partial', '--target-db-instance', 'sql02,1433', '--cached-user-share', '0.5',
      '--collide-category', 'Sales', '--collide-category', 'Legal', '--collide-addin', 'Wiki',
      '--plant', 'foreignForestPrincipals=3', '--plant', 'servicesRunning=true', '--plant', 'cutoff=2011-01-01',
      '--manifest', '-', '--json', '--quiet', '--no-deployment',
    ]);
    expect(command.options).toEqual({
      out: 'x',
      size: 'small',
      flavour: 'ocs2007r2',
      seed: 42,
      dbInstance: 'sql01\\gc',
      dbName: 'gcdb',
      target: { fill: 'partial', dbInstance: 'sql02,1433', cachedUserShare: 0.5, collisionNames: { categories: ['Sales', 'Legal'], addins: ['Wiki'] } },
      plant: { foreignForestPrincipals: 3, servicesRunning: true, cutoff: '2011-01-01' },
      deploymentFolder: false,
    });
    expect(command).toMatchObject({ manifest: null, json: true, quiet: true, help: false });
  });

  it('defaults to a tiny Lync Server 2010 deployment with an empty target', () => {
    const command = parseGenerateArgs(['--out', 'x']);
    expect(command.options).toEqual({ out: 'x', size: 'tiny', flavour: 'lync2010', target: { fill: 'empty' }, plant: {} });
    expect(command.manifest).toBeUndefined();
  });

  it('explains what is wrong with a command line', () => {
    expect(usageErrorOf([])).toMatch(/^PCMIG-GEN-007 --out is required/);
    expect(usageErrorOf(['--out', 'x', '--bogus'])).toMatch(/^PCMIG-GEN-007 .*bogus/);
    expect(usageErrorOf(['--out', 'x', '--plant', 'nonsense=1'])).toMatch(/unknown knob/);
    expect(usageErrorOf(['--out', 'x', '--plant', 'rootManagers'])).toMatch(/<knob>=<value>/);
    expect(usageErrorOf(['--out', 'x', '--plant', 'rootManagers=two'])).toMatch(/whole number/);
    expect(usageErrorOf(['--out', 'x', '--plant', 'servicesRunning=1'])).toMatch(/true or false/);
    expect(usageErrorOf(['--out', 'x', '--cached-user-share', 'half'])).toMatch(/between 0 and 1/);
  });

  it('passes a malformed seed on for the generator to refuse', () => {
    expect(Number.isNaN(parseGenerateArgs(['--out', 'x', '--seed=-3']).options.seed)).toBe(true);
  });
});
