import type { ErrorRecordData, ProgressEvent } from '@pcmig/core';
import { bindParameters, type BindingResult } from '../binding/bind-parameters.js';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import type { AnyCmdletDefinition } from '../definition/cmdlet-definition.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { HostError } from '../errors/host-error.js';
import { isRecordError, toErrorRecord } from '../errors/to-error-record.js';
import type { OutputSink } from '../output/output-sink.js';
import { askConfirmation } from './ask-confirmation.js';
import { createSink } from './create-sink.js';
import { EXIT_CODES } from './exit-codes.js';
import { outputWidth, type HostIO } from './host-io.js';
import type { HostOptions } from './host-options.js';
import { readPendingBytes } from './read-pending-bytes.js';
import { renderShouldProcessTarget, ShouldProcessGate } from './should-process-gate.js';

/** An error written with -ErrorAction Stop: it ends the command as a terminating error. */
class StopRequested extends Error {
  constructor(readonly record: ErrorRecordData) {
    super(record.shortMessage);
  }
}

/**
 * Runs one cmdlet: bind (nothing runs on a binding error), read byte input, check cross-parameter
 * rules, ShouldProcess, then the definition's run with the streams wired to the sink. Returns the
 * exit code.
 */
export async function invokeCmdlet(definition: AnyCmdletDefinition, args: readonly string[], io: HostIO, hostOptions: HostOptions, signal: AbortSignal): Promise<number> {
  let binding: BindingResult;
  try {
    binding = bindParameters(definition, args);
    await readPendingBytes(binding.values, io);
    const issues = definition.validate?.(binding.values as BoundValues<ParameterSpecs>) ?? [];
    if (issues.length > 0) {
      const first = issues[0]!;
      throw new HostError('PCMIG-HOST-006', {
        message: `Cannot validate argument on parameter '${first.parameter}'. ${first.message}`,
        target: first.parameter,
        reason: { issues },
      });
    }
  } catch (error) {
    const sink = createSink({ commandName: definition.name, io, hostOptions, showProgress: false });
    sink.error(toErrorRecord(error), true);
    await sink.finish(EXIT_CODES.commandLineRejected);
    return EXIT_CODES.commandLineRejected;
  }

  const { common } = binding;
  const sink = createSink({
    commandName: definition.name,
    io,
    hostOptions,
    ...(common.outputFormat ? { outputFormat: common.outputFormat } : {}),
    ...(definition.outputs ? { output: definition.outputs } : {}),
    showProgress: common.progressAction === 'Continue',
  });
  const interactive = Boolean(io.stdin.isTTY && io.stderr.isTTY) && !hostOptions.records;
  const gate = new ShouldProcessGate({
    definition,
    common,
    force: binding.values.Force === true,
    interactive,
    sink,
    ask: (target, action) => askConfirmation(io, target, action),
  });
  let errorsWritten = 0;
  const context = createContext(definition, binding, sink, gate, signal, io, () => (errorsWritten += 1));

  let exitCode: number = EXIT_CODES.success;
  try {
    let proceed = true;
    if (definition.shouldProcess) {
      const engineWhatIf = common.whatIf && definition.shouldProcess.whatIf === 'engine';
      if (!engineWhatIf) {
        gate.assertAnswerable();
        proceed = await gate.shouldProcess(renderShouldProcessTarget(definition.shouldProcess.target, binding.values), definition.shouldProcess.action);
        if (proceed) gate.confirmAll();
      }
    }
    if (proceed) {
      // The binder checked every value against the definition's specs: they are the BoundValues run declares.
      const result = await definition.run(binding.values as BoundValues<ParameterSpecs>, context);
      if (Array.isArray(result)) for (const item of result) context.writeObject(item);
      else if (result !== undefined) context.writeObject(result);
    }
    if (errorsWritten > 0) exitCode = EXIT_CODES.nonTerminatingErrors;
  } catch (error) {
    if (signal.aborted && !isRecordError(error) && !(error instanceof StopRequested)) {
      exitCode = EXIT_CODES.interrupted;
    } else {
      const record = error instanceof StopRequested ? error.record : toErrorRecord(error);
      // A defect's stack is for developers: shown only with -Debug, never in the record.
      if (common.debug && !isRecordError(error) && error instanceof Error && error.stack) sink.debug(error.stack);
      sink.error(record, true);
      exitCode = record.id === 'PCMIG-HOST-011' ? EXIT_CODES.commandLineRejected : EXIT_CODES.terminatingError;
    }
  }
  await sink.finish(exitCode);
  return exitCode;
}

function createContext(
  definition: AnyCmdletDefinition,
  binding: BindingResult,
  sink: OutputSink,
  gate: ShouldProcessGate,
  signal: AbortSignal,
  io: HostIO,
  countError: () => void,
): CmdletContext {
  const { common } = binding;
  return {
    commandName: definition.name,
    parameterSetName: binding.parameterSetName,
    boundParameters: binding.bound,
    whatIf: common.whatIf,
    signal,
    width: outputWidth(io),
    env: io.env,
    cwd: io.cwd,
    writeObject(value) {
      if (value instanceof Uint8Array) sink.bytes(value);
      else sink.object(value);
    },
    writeVerbose(message) {
      if (common.verbose) sink.verbose(message);
    },
    writeDebug(message) {
      if (common.debug) sink.debug(message);
    },
    writeWarning(message) {
      if (common.warningAction === 'Stop') {
        throw new HostError('PCMIG-HOST-022', {
          message: `The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: ${message}`,
          reason: { warning: message },
        });
      }
      if (common.warningAction === 'Continue') sink.warning(message);
    },
    writeError(error) {
      const record = toErrorRecord(error);
      countError();
      if (common.errorAction === 'Stop') throw new StopRequested(record);
      if (common.errorAction === 'Continue') sink.error(record, false);
    },
    writeProgress(event: ProgressEvent) {
      if (common.progressAction === 'Continue') sink.progress(event);
    },
    shouldProcess: (target, action, description) => gate.shouldProcess(target, action, description),
  };
}
