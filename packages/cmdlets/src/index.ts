// Public API of @pcmig/cmdlets: the cmdlet framework, the host, and the PowerShell module generator.
import { defineErrorCatalog } from '@pcmig/core/errors';
import { HOST_ERROR_DEFINITIONS } from './errors/host-error-definitions.js';

/** The HOST area's catalog (docs/errors/host.md); the host raises its errors as HostError, a PcmigError. */
export const hostErrors = defineErrorCatalog('HOST', HOST_ERROR_DEFINITIONS);
export { HOST_ERROR_DEFINITIONS, type HostErrorId } from './errors/host-error-definitions.js';
export { HostError } from './errors/host-error.js';

// Defining cmdlets and commands
export { defineCmdlet, definitionProblems, parameterSetsOf } from './definition/define-cmdlet.js';
export { defineCommand, type AnyCommandDefinition, type CommandDefinition, type CommandOptionSpec, type CommandOptions } from './definition/command-definition.js';
export type { AnyCmdletDefinition, CmdletDefinition, CmdletExample, ConfirmImpact, OutputSpec, ShouldProcessSpec } from './definition/cmdlet-definition.js';
export type { CmdletContext, CommandContext } from './definition/cmdlet-context.js';
export { PARAMETER_TYPES, type BoundValues, type ParameterSpec, type ParameterSpecs, type ParameterType } from './definition/parameter-spec.js';
export { COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS, type CommonValues } from './definition/common-parameters.js';

// Binding
export { bindParameters, type BindingResult } from './binding/bind-parameters.js';

// The host
export { runHost, type RunHostOptions } from './host/run-host.js';
export { EXIT_CODES, type ExitCode } from './host/exit-codes.js';
export type { HostIO, HostOutputStream } from './host/host-io.js';
export { createRegistry } from './registry/create-registry.js';
export { findCmdlet, findCommand, moduleCmdlets, type CommandRegistry } from './registry/command-registry.js';
export { defaultRegistry } from './registry/default-registry.js';
export { CMDLETS } from './cmdlets/all-cmdlets.js';
export { COMMANDS } from './commands/all-commands.js';

// The PowerShell module
export { generateModule, type GenerateModuleOptions, type ModuleFiles } from './module-generation/generate-module.js';
export { MODULE_NAME } from './module-generation/render-module-manifest.js';
export { writeModuleFiles } from './module-generation/write-module-files.js';
export type { HostRecord } from './output/records-sink.js';
