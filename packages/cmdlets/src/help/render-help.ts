import type { AnyCmdletDefinition } from '../definition/cmdlet-definition.js';
import { parameterSetsOf } from '../definition/define-cmdlet.js';
import { ALL_PARAMETER_SETS, belongsToSet, isMandatoryIn, type ParameterSpec, type ParameterSpecs } from '../definition/parameter-spec.js';
import { renderSyntax, typeLabel } from './render-syntax.js';
import { wrapText } from './wrap-text.js';

export type HelpView = 'default' | 'detailed' | 'full' | 'examples' | 'parameter';

const I1 = '    ';
const I2 = '        ';

/**
 * A cmdlet's help page in Get-Help's layout (default, -Detailed, -Full, -Examples, -Parameter),
 * from the same definition the binder and the PowerShell module use.
 */
export function renderHelp(definition: AnyCmdletDefinition, view: HelpView, width: number, parameterPattern?: string): string {
  const section = (title: string, body: string) => `${title}\n${body}\n`;
  const name = definition.name;
  const out: string[] = [''];
  if (view === 'parameter') {
    const pattern = wildcard(parameterPattern ?? '*');
    const blocks = Object.entries(definition.parameters as ParameterSpecs)
      .filter(([n]) => pattern.test(n))
      .map(([n, spec]) => renderParameter(definition, n, spec, width, true));
    return `\n${blocks.join('\n')}\n`;
  }
  out.push(section('NAME', `${I1}${name}`));
  out.push(section('SYNOPSIS', wrapText(definition.synopsis, width, I1)));
  if (view !== 'examples') {
    out.push(section('SYNTAX', renderSyntax(definition).map((line) => wrapText(line, width, I1)).join('\n\n')));
    out.push(section('DESCRIPTION', wrapText(definition.description, width, I1)));
  }
  if (view === 'full' || view === 'detailed') {
    const parameters = Object.entries(definition.parameters as ParameterSpecs).map(([n, spec]) => renderParameter(definition, n, spec, width, view === 'full'));
    if (definition.shouldProcess) {
      parameters.push(`${I1}-WhatIf [<SwitchParameter>]\n${wrapText('Shows what the cmdlet would do, without doing it.', width, I2)}\n`);
      parameters.push(`${I1}-Confirm [<SwitchParameter>]\n${wrapText(`Asks for confirmation before doing it (ConfirmImpact: ${definition.confirmImpact}).`, width, I2)}\n`);
    }
    parameters.push(
      `${I1}<CommonParameters>\n${wrapText('This cmdlet supports the common parameters Verbose, Debug, ErrorAction, WarningAction and ProgressAction, and the host\'s -OutputFormat (Text or Json). Inside PowerShell, the module supports every common parameter.', width, I2)}\n`,
    );
    out.push(section('PARAMETERS', parameters.join('\n')));
  }
  if (view === 'full') {
    out.push(section('INPUTS', wrapText(definition.inputs ?? 'None', width, I1)));
    out.push(section('OUTPUTS', wrapText(definition.outputs ? `${definition.outputs.typeName}\n\n${definition.outputs.description}` : 'None', width, I1)));
    if (definition.notes) out.push(section('NOTES', wrapText(definition.notes, width, I1)));
  }
  if (view === 'full' || view === 'detailed' || view === 'examples') {
    out.push(
      definition.examples
        .map((example, i) => {
          const rule = `-------------------------- EXAMPLE ${i + 1} --------------------------`;
          return `${I1}${rule}\n\n${example.code
            .split('\n')
            .map((l) => `${I1}${l}`)
            .join('\n')}\n\n${wrapText(example.remarks, width, I1)}\n`;
        })
        .join('\n'),
    );
  }
  if (view !== 'examples' && definition.link) out.push(section('RELATED LINKS', `${I1}${definition.link}`));
  if (view === 'default') {
    out.push(
      section(
        'REMARKS',
        [`To see the examples, type: "pcmig Get-Help ${name} -Examples"`, `For more information, type: "pcmig Get-Help ${name} -Detailed"`, `For technical information, type: "pcmig Get-Help ${name} -Full"`]
          .map((line) => `${I1}${line}`)
          .join('\n'),
      ),
    );
  }
  return out.join('\n');
}

function renderParameter(definition: AnyCmdletDefinition, name: string, spec: ParameterSpec, width: number, attributes: boolean): string {
  const head = `${I1}-${name} ${spec.type === 'SwitchParameter' ? '[<SwitchParameter>]' : typeLabel(spec)}`;
  const description = wrapText(spec.extension ? `${spec.description} (pcmig extension: not a parameter of Microsoft's cmdlet.)` : spec.description, width, I2);
  if (!attributes) return `${head}\n${description}\n`;
  const sets = parameterSetsOf(definition).filter((set) => set !== ALL_PARAMETER_SETS && belongsToSet(spec, set));
  const mandatorySets = sets.filter((set) => isMandatoryIn(spec, set));
  const optionalSets = sets.filter((s) => !mandatorySets.includes(s));
  const required =
    spec.mandatory === true || (mandatorySets.length > 0 && optionalSets.length === 0)
      ? 'true'
      : mandatorySets.length > 0
        ? `true (${mandatorySets.join(', ')}), false (${optionalSets.join(', ')})`
        : 'false';
  const pipeline = [spec.valueFromPipeline ? 'ByValue' : '', spec.valueFromPipelineByPropertyName ? 'ByPropertyName' : ''].filter(Boolean);
  const rows: [string, string][] = [
    ['Required?', required],
    ['Position?', spec.position === undefined ? 'named' : String(spec.position + 1)],
    ['Default value', spec.defaultValue === undefined ? 'None' : String(spec.defaultValue)],
    ['Accept pipeline input?', pipeline.length ? `true (${pipeline.join(', ')})` : 'false'],
    ['Aliases', spec.aliases?.length ? spec.aliases.join(', ') : 'None'],
    ['Accept wildcard characters?', 'false'],
  ];
  if (spec.validateSet) rows.push(['Accepted values', spec.validateSet.join(', ')]);
  if (spec.validateRange) rows.push(['Valid range', `${spec.validateRange[0]} to ${spec.validateRange[1]}`]);
  if (spec.validateLength) rows.push(['Valid length', `${spec.validateLength[0]} to ${spec.validateLength[1]} characters`]);
  if (sets.length > 0) rows.push(['Parameter sets', sets.join(', ')]);
  return `${head}\n${description}\n\n${rows.map(([k, v]) => `${I2}${k.padEnd(28)} ${v}`).join('\n')}\n`;
}

/** PowerShell wildcards (* and ?), case-insensitive, whole string. */
export function wildcard(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i');
}
