import type { AnyCmdletDefinition } from '../definition/cmdlet-definition.js';
import { parameterSetsOf } from '../definition/define-cmdlet.js';
import { ALL_PARAMETER_SETS, type ParameterSpec, type ParameterSpecs, type ParameterType } from '../definition/parameter-spec.js';
import { parseTargetTemplate } from '../definition/target-template.js';
import { indent, psHelpText, psQuote } from './powershell-text.js';

const POWERSHELL_TYPE: Readonly<Record<ParameterType, string>> = {
  String: 'System.String',
  'String[]': 'System.String[]',
  Int32: 'System.Int32',
  Boolean: 'System.Boolean',
  SwitchParameter: 'System.Management.Automation.SwitchParameter',
  DateTime: 'System.DateTime',
  'Byte[]': 'System.Byte[]',
};

/**
 * One advanced function for one cmdlet definition: comment-based help, [CmdletBinding()] with
 * the definition's sets and ShouldProcess, typed parameters with the same validation attributes
 * the host applies, and a body that hands the bound parameters to the host.
 */
export function renderModuleFunction(definition: AnyCmdletDefinition): string {
  const parameters = Object.entries(definition.parameters as ParameterSpecs);
  const binding = [
    ...(definition.defaultParameterSet ? [`DefaultParameterSetName = ${psQuote(definition.defaultParameterSet)}`] : []),
    ...(definition.shouldProcess ? ['SupportsShouldProcess = $true', `ConfirmImpact = ${psQuote(definition.confirmImpact)}`] : []),
  ];
  const typeTable = `@{ ${parameters.map(([name, spec]) => `${name} = ${psQuote(spec.type)}`).join('; ')} }`;
  const bytesFromPipeline = parameters.find(([, spec]) => spec.type === 'Byte[]' && spec.valueFromPipeline)?.[0];
  const boundName = bytesFromPipeline ? '$Bound' : '$PSBoundParameters';
  const invoke = (extra: string) =>
    `Invoke-PcmigHost -Cmdlet $PSCmdlet -CommandName ${psQuote(definition.name)} -ParameterType $parameterType -BoundParameters ${boundName} -ExtraArgument ${extra}${
      definition.outputs ? ` -OutputTypeName ${psQuote(definition.outputs.typeName)}` : ''
    }`;
  const streams = [
    '$extra = [System.Collections.Generic.List[System.String]]::new()',
    "if ($VerbosePreference -notin 'SilentlyContinue', 'Ignore')",
    '{',
    "    $extra.Add('-Verbose')",
    '}',
    '',
    "if ($DebugPreference -notin 'SilentlyContinue', 'Ignore')",
    '{',
    "    $extra.Add('-Debug')",
    '}',
    '',
  ];
  let body: string[];
  if (definition.shouldProcess) {
    const target = shouldProcessTargetExpression(definition.shouldProcess.target);
    const action = psQuote(definition.shouldProcess.action);
    const engineWhatIf = definition.shouldProcess.whatIf === 'engine';
    body = [
      ...streams,
      // The module asks ShouldProcess itself (PowerShell's prompt, -WhatIf, -Confirm, $ConfirmPreference); the host is told not to ask again.
      "$extra.Add('-Confirm:$false')",
      ...(engineWhatIf
        ? [
            'if ($WhatIfPreference)',
            '{',
            "    # The cmdlet reports what it would do (its WhatIf run), so -WhatIf goes to the host.",
            "    $extra.Add('-WhatIf')",
            `    ${invoke('$extra.ToArray()')}`,
            '}',
            `elseif ($PSCmdlet.ShouldProcess(${target}, ${action}))`,
            '{',
            `    ${invoke('$extra.ToArray()')}`,
            '}',
          ]
        : [`if ($PSCmdlet.ShouldProcess(${target}, ${action}))`, '{', `    ${invoke('$extra.ToArray()')}`, '}']),
    ];
  } else {
    body = [...streams, invoke('$extra.ToArray()')];
  }

  // -Force suppresses the confirmation prompt (Lync's -Force, and the host's): $ConfirmPreference
  // None for this function, unless -Confirm is given explicitly.
  const forceSkipsConfirmation =
    definition.shouldProcess && (definition.parameters as ParameterSpecs).Force?.type === 'SwitchParameter'
      ? [
          "        if ($Force -and -not $PSBoundParameters.ContainsKey('Confirm'))",
          '        {',
          "            $ConfirmPreference = 'None'",
          '        }',
        ]
      : [];

  // A Byte[] taken from the pipeline: "Export -AsBytes | Import" passes one Byte[] object, but
  // "$bytes | Import" unrolls the array into single bytes. Those are gathered and sent once, at the end.
  const blocks = bytesFromPipeline
    ? [
        '    begin',
        '    {',
        `        $parameterType = ${typeTable}`,
        ...forceSkipsConfirmation,
        '        $pipedBytes = [System.Collections.Generic.List[System.Byte]]::new()',
        '        $run = {',
        '            param ($Bound)',
        '',
        indent(body.join('\n'), 12),
        '        }',
        '    }',
        '',
        '    process',
        '    {',
        '        if ($MyInvocation.ExpectingInput -and $_ -is [System.Byte])',
        '        {',
        '            $pipedBytes.Add($_)',
        '            return',
        '        }',
        '',
        '        & $run $PSBoundParameters',
        '    }',
        '',
        '    end',
        '    {',
        '        if ($pipedBytes.Count -gt 0)',
        '        {',
        '            $bound = [System.Collections.Generic.Dictionary[System.String, System.Object]]::new($PSBoundParameters)',
        `            $bound[${psQuote(bytesFromPipeline)}] = $pipedBytes.ToArray()`,
        '            & $run $bound',
        '        }',
        '    }',
      ]
    : ['    begin', '    {', `        $parameterType = ${typeTable}`, ...forceSkipsConfirmation, '    }', '', '    process', '    {', indent(body.join('\n'), 8), '    }'];

  return [
    `function ${definition.name}`,
    '{',
    indent(renderCommentHelp(definition), 4),
    `    [CmdletBinding(${binding.join(', ')})]`,
    ...(definition.outputs ? [`    [OutputType(${psQuote(definition.outputs.typeName)})]`] : []),
    '    param',
    '    (',
    parameters.map(([name, spec]) => indent(renderParameter(definition, name, spec), 8)).join(',\n\n'),
    '    )',
    '',
    ...blocks,
    '}',
  ].join('\n');
}

function renderParameter(definition: AnyCmdletDefinition, name: string, spec: ParameterSpec): string {
  const declaredSets = parameterSetsOf(definition).filter((set) => set !== ALL_PARAMETER_SETS);
  const sets = spec.sets && spec.sets.length > 0 ? spec.sets : [undefined];
  const lines: string[] = [];
  for (const set of sets) {
    const mandatory = spec.mandatory === true || (set !== undefined && Array.isArray(spec.mandatory) && (spec.mandatory as readonly string[]).includes(set));
    const parts = [
      ...(set !== undefined && declaredSets.length > 0 ? [`ParameterSetName = ${psQuote(set)}`] : []),
      ...(mandatory ? ['Mandatory = $true'] : []),
      ...(spec.position !== undefined ? [`Position = ${spec.position}`] : []),
      ...(spec.valueFromPipeline ? ['ValueFromPipeline = $true'] : []),
      ...(spec.valueFromPipelineByPropertyName ? ['ValueFromPipelineByPropertyName = $true'] : []),
    ];
    lines.push(`[Parameter(${parts.join(', ')})]`);
  }
  if (spec.aliases?.length) lines.push(`[Alias(${spec.aliases.map(psQuote).join(', ')})]`);
  if (spec.notNullOrEmpty) lines.push('[ValidateNotNullOrEmpty()]');
  if (spec.validateSet) lines.push(`[ValidateSet(${spec.validateSet.map(psQuote).join(', ')})]`);
  if (spec.validateRange) lines.push(`[ValidateRange(${spec.validateRange[0]}, ${spec.validateRange[1]})]`);
  if (spec.validateLength) lines.push(`[ValidateLength(${spec.validateLength[0]}, ${spec.validateLength[1]})]`);
  if (spec.validatePattern !== undefined) lines.push(`[ValidatePattern(${psQuote(spec.validatePattern)})]`);
  lines.push(`[${POWERSHELL_TYPE[spec.type]}]`);
  const defaultValue =
    spec.defaultValue === undefined ? '' : typeof spec.defaultValue === 'boolean' ? ` = $${spec.defaultValue}` : typeof spec.defaultValue === 'number' ? ` = ${spec.defaultValue}` : ` = ${psQuote(spec.defaultValue)}`;
  lines.push(`$${name}${defaultValue}`);
  return lines.join('\n');
}

function renderCommentHelp(definition: AnyCmdletDefinition): string {
  const block = (keyword: string, text: string) => `.${keyword}\n${indent(psHelpText(text), 4)}\n`;
  const parts = [block('SYNOPSIS', definition.synopsis), block('DESCRIPTION', definition.description)];
  for (const [name, spec] of Object.entries(definition.parameters as ParameterSpecs)) {
    parts.push(block(`PARAMETER ${name}`, spec.extension ? `${spec.description} (pcmig extension: not a parameter of Microsoft's cmdlet.)` : spec.description));
  }
  for (const example of definition.examples) parts.push(block('EXAMPLE', `${example.code}\n\n${example.remarks}`));
  parts.push(block('INPUTS', definition.inputs ?? 'None'));
  parts.push(block('OUTPUTS', definition.outputs ? `${definition.outputs.typeName}\n\n${definition.outputs.description}` : 'None'));
  if (definition.notes) parts.push(block('NOTES', definition.notes));
  if (definition.link) parts.push(block('LINK', definition.link));
  return `<#\n${indent(parts.join('\n').trimEnd(), 4)}\n#>`;
}

/**
 * A ShouldProcess target template ("{DBInstance}\\{DBName}") as a PowerShell -f expression over the
 * parameters; a {Parameter|text} placeholder gives the text when the parameter is empty.
 */
export function shouldProcessTargetExpression(template: string): string {
  const placeholders: string[] = [];
  const argumentsOf: string[] = [];
  const format = parseTargetTemplate(template)
    .map((part) => {
      if ('literal' in part) return part.literal.replace(/[{}]/g, (brace) => brace + brace);
      const key = `${part.parameter}|${part.fallback ?? ''}|${'fallback' in part}`;
      let index = placeholders.indexOf(key);
      if (index < 0) {
        index = placeholders.push(key) - 1;
        const joined = `$${part.parameter} -join ','`;
        argumentsOf.push(part.fallback === undefined ? `(${joined})` : `$(if ($${part.parameter}) { ${joined} } else { ${psQuote(part.fallback)} })`);
      }
      return `{${index}}`;
    })
    .join('');
  return placeholders.length === 0 ? psQuote(template) : `(${psQuote(format)} -f ${argumentsOf.join(', ')})`;
}
