import { PcmigError, type PcmigErrorDetails } from '@pcmig/core/errors';
import { HOST_ERROR_DEFINITIONS, type HostErrorId } from './host-error-definitions.js';

export type HostErrorDetails = PcmigErrorDetails;

/**
 * An error of the HOST area: a PcmigError whose id is one of the host's. The host imports only
 * @pcmig/core/errors (no domain model, zod or database driver), which keeps start-up fast.
 */
export class HostError extends PcmigError {
  declare readonly id: HostErrorId;

  constructor(id: HostErrorId, details: HostErrorDetails) {
    super(id, HOST_ERROR_DEFINITIONS[id], details);
  }
}
