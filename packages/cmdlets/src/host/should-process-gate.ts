import type { AnyCmdletDefinition, ConfirmImpact } from '../definition/cmdlet-definition.js';
import type { CommonValues } from '../definition/common-parameters.js';
import { HostError } from '../errors/host-error.js';
import type { OutputSink } from '../output/output-sink.js';
import { parseTargetTemplate } from '../definition/target-template.js';
import type { ConfirmAnswer } from './ask-confirmation.js';

const IMPACT_RANK: Readonly<Record<ConfirmImpact, number>> = { None: 0, Low: 1, Medium: 2, High: 3 };

/** PowerShell's default $ConfirmPreference: cmdlets of High impact ask before they act. */
export const CONFIRM_PREFERENCE: ConfirmImpact = 'High';

export interface GateOptions {
  readonly definition: AnyCmdletDefinition;
  readonly common: CommonValues;
  /** -Force was given (where the cmdlet has it): no automatic confirmation. */
  readonly force: boolean;
  /** A person can answer (stdin and stderr are terminals). */
  readonly interactive: boolean;
  readonly sink: OutputSink;
  readonly ask: (target: string, action: string) => Promise<ConfirmAnswer>;
}

/**
 * ShouldProcess for one invocation. -WhatIf reports and declines; confirmation is needed for
 * -Confirm, or when the cmdlet's ConfirmImpact reaches $ConfirmPreference and neither
 * -Confirm:$false nor -Force was given; it is asked on a terminal and refused without one. Once
 * the cmdlet-level question is answered Yes, the engine's per-item questions are not asked again.
 */
export class ShouldProcessGate {
  private yesToAll = false;
  private noToAll = false;

  constructor(private readonly options: GateOptions) {}

  get confirmationRequired(): boolean {
    const { common, definition, force } = this.options;
    if (common.confirm !== undefined) return common.confirm;
    return !force && IMPACT_RANK[definition.confirmImpact] >= IMPACT_RANK[CONFIRM_PREFERENCE];
  }

  /** Refuses up front, before anything runs, when a question would be needed and nobody can answer it. */
  assertAnswerable(): void {
    if (this.options.common.whatIf || !this.confirmationRequired || this.options.interactive) return;
    throw new HostError('PCMIG-HOST-011', {
      message: `${this.options.definition.name} needs confirmation (ConfirmImpact ${this.options.definition.confirmImpact}${this.options.common.confirm ? ', -Confirm' : ''}) and standard input is not a terminal.`,
      target: this.options.definition.name,
    });
  }

  async shouldProcess(target: string, action: string, description?: string): Promise<boolean> {
    if (this.options.common.whatIf) {
      this.options.sink.whatIf(target, action, description);
      return false;
    }
    if (!this.confirmationRequired || this.yesToAll) return true;
    if (this.noToAll) return false;
    this.assertAnswerable();
    const answer = await this.options.ask(target, action);
    switch (answer) {
      case 'yes':
        return true;
      case 'yesToAll':
        this.yesToAll = true;
        return true;
      case 'no':
        return false;
      case 'noToAll':
        this.noToAll = true;
        return false;
      case 'suspend':
        throw new HostError('PCMIG-HOST-012', { message: `${this.options.definition.name} was stopped at the confirmation prompt for "${target}".`, target });
    }
  }

  /** After the cmdlet-level Yes, per-item questions of the engine are answered Yes (What if lines still show). */
  confirmAll(): void {
    this.yesToAll = true;
  }
}

/** The ShouldProcess target of a definition, its {Parameter} placeholders filled in ({Parameter|text}: the text when not given). */
export function renderShouldProcessTarget(template: string, values: Readonly<Record<string, unknown>>): string {
  return parseTargetTemplate(template)
    .map((part) => {
      if ('literal' in part) return part.literal;
      const value = values[part.parameter];
      const text = Array.isArray(value) ? value.join(',') : value === undefined || value === null ? '' : String(value);
      return text === '' && part.fallback !== undefined ? part.fallback : text;
    })
    .join('');
}
