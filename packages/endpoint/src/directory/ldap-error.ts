import { ResultCodeError } from 'ldapts';
import { directoryErrors } from '../errors/directory-errors.js';

/** What was being done when an LDAP call failed, for the message. */
export interface LdapFailureContext {
  readonly operation: 'bind' | 'read' | 'search' | 'add' | 'delete' | 'modify' | 'restore';
  readonly dn?: string;
  /** Safe description of the server (url, never credentials). */
  readonly server: string;
}

/** LDAP result codes (RFC 4511 §4.1.9) that pcmig maps to its own errors. */
const ResultCode = {
  confidentialityRequired: 13,
  strongAuthRequired: 8,
  noSuchAttribute: 16,
  undefinedAttributeType: 17,
  constraintViolation: 19,
  attributeOrValueExists: 20,
  invalidAttributeSyntax: 21,
  noSuchObject: 32,
  invalidDnSyntax: 34,
  inappropriateAuthentication: 48,
  invalidCredentials: 49,
  insufficientAccessRights: 50,
  busy: 51,
  unavailable: 52,
  namingViolation: 64,
  objectClassViolation: 65,
  notAllowedOnNonLeaf: 66,
  entryAlreadyExists: 68,
} as const;

export function ldapResultCode(error: unknown): number | null {
  return error instanceof ResultCodeError ? error.code : null;
}

/** Turns an ldapts failure into the PCMIG-DIR error an administrator can act on. */
export function toDirectoryError(error: unknown, context: LdapFailureContext): Error {
  const target = context.dn ?? context.server;
  const what = `${context.operation}${context.dn ? ` ${context.dn}` : ''} on ${context.server}`;
  const code = ldapResultCode(error);
  if (code === null) {
    return directoryErrors.create('PCMIG-DIR-001', { message: `The directory ${context.server} cannot be reached (${context.operation}).`, target: context.server, cause: error });
  }
  const reason = { resultCode: code, operation: context.operation };
  switch (code) {
    case ResultCode.invalidCredentials:
    case ResultCode.inappropriateAuthentication:
      return directoryErrors.create('PCMIG-DIR-002', { message: `${context.server} refused the bind credentials.`, target: context.server, reason, cause: error });
    case ResultCode.insufficientAccessRights:
      return directoryErrors.create('PCMIG-DIR-003', { message: `Access denied: ${what}.`, target, reason, cause: error });
    case ResultCode.noSuchObject:
      return context.operation === 'add'
        ? directoryErrors.create('PCMIG-DIR-006', { message: `Cannot add ${context.dn}: its parent container does not exist.`, target, reason, cause: error })
        : directoryErrors.create('PCMIG-DIR-004', { message: `${context.dn ?? 'The entry'} does not exist (${context.operation}).`, target, reason, cause: error });
    case ResultCode.entryAlreadyExists:
      return directoryErrors.create('PCMIG-DIR-005', { message: `${context.dn} already exists.`, target, reason, cause: error });
    case ResultCode.notAllowedOnNonLeaf:
      return directoryErrors.create('PCMIG-DIR-011', { message: `${context.dn} has child entries.`, target, reason, cause: error });
    case ResultCode.invalidDnSyntax:
      return directoryErrors.create('PCMIG-DIR-007', { message: `The directory refused the name ${context.dn ?? ''} (${context.operation}).`, target, reason, cause: error });
    case ResultCode.objectClassViolation:
    case ResultCode.undefinedAttributeType:
    case ResultCode.invalidAttributeSyntax:
    case ResultCode.constraintViolation:
    case ResultCode.namingViolation:
    case ResultCode.noSuchAttribute:
      return directoryErrors.create('PCMIG-DIR-014', { message: `The directory refused ${what} as invalid for its schema.`, target, reason, cause: error });
    case ResultCode.busy:
    case ResultCode.unavailable:
      return directoryErrors.create('PCMIG-DIR-001', { message: `The directory ${context.server} is unavailable (${context.operation}).`, target: context.server, reason, cause: error });
    case ResultCode.strongAuthRequired:
    case ResultCode.confidentialityRequired:
      // OpenLDAP answers so to writes without a bind; AD when LDAP signing is required.
      return directoryErrors.create('PCMIG-DIR-010', {
        message: `${context.server} requires a stronger bind for ${what}.`,
        target,
        hint: 'Give directory.bindDn (an anonymous bind cannot write), and use an ldaps:// URL or directory.tls.startTls where the server requires signing or encryption.',
        reason,
        cause: error,
      });
    default:
      return directoryErrors.create('PCMIG-DIR-010', { message: `The directory rejected ${what} (LDAP result ${code}).`, target, reason, cause: error });
  }
}

export const LDAP_ATTRIBUTE_OR_VALUE_EXISTS = ResultCode.attributeOrValueExists;
export const LDAP_NO_SUCH_OBJECT = ResultCode.noSuchObject;
