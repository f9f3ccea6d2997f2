import { PrincipalTypeId } from '../../model/constants.js';
import {
  principalKindOfType,
  principalStateCode,
  principalStateOfCode,
  principalTypeOf,
  type Affiliation,
  type Principal,
} from '../../model/principal.js';
import type { SqlValue } from '../connection.js';
import { dbErrors } from '../errors.js';
import { toGuid, toInt, toIntOrNull, toTextOrNull } from '../values.js';

export function rowToPrincipal(row: Record<string, unknown>): Principal {
  const id = toInt(row.prinID, 'tblPrincipal.prinID');
  const typeId = toInt(row.prinTypeID, `tblPrincipal(${id}).prinTypeID`);
  const kind = principalKindOfType(typeId);
  const state = principalStateOfCode(toInt(row.prinDisabled, `tblPrincipal(${id}).prinDisabled`));
  if (!kind || !state) {
    throw dbErrors.create('PCMIG-DB-013', {
      message: `tblPrincipal row ${id} has type ${typeId} / state ${String(row.prinDisabled)}, which a cached principal cannot have.`,
      reason: { table: 'tblPrincipal', prinID: id, prinTypeID: typeId, prinDisabled: row.prinDisabled },
    });
  }
  return {
    id,
    guid: toGuid(row.prinGuid, `tblPrincipal(${id}).prinGuid`),
    kind,
    uri: String(row.prinUri),
    name: toTextOrNull(row.prinName),
    displayName: toTextOrNull(row.prinDisplayName),
    email: toTextOrNull(row.prinEmail),
    companyName: toTextOrNull(row.prinCompanyName),
    dn: toTextOrNull(row.prinADPath),
    upn: toTextOrNull(row.prinADUserPrincipalName),
    state,
    federated: typeId === PrincipalTypeId.FederatedUser,
    homePoolId: toIntOrNull(row.prinPoolID, `tblPrincipal(${id}).prinPoolID`),
  };
}

/** Values for tblPrincipal's columns (in `columns` order). Audit columns come from `audit`. */
export function principalToValues(
  principal: Principal,
  columns: readonly string[],
  audit: { by: number; on: bigint; verifiedOn: Date },
): SqlValue[] {
  const values: Record<string, SqlValue> = {
    prinID: principal.id,
    prinGuid: principal.guid,
    prinUri: principal.uri,
    prinName: principal.name,
    prinDisplayName: principal.displayName,
    prinCompanyName: principal.companyName,
    prinEmail: principal.email,
    prinADPath: principal.dn,
    prinADUserPrincipalName: principal.upn,
    prinDisabled: principalStateCode(principal.state),
    prinTypeID: principalTypeOf(principal),
    prinPoolID: principal.homePoolId,
    prinPolicyID: null,
    prinAddedBy: audit.by,
    prinAddedOn: audit.on,
    prinUpdatedBy: audit.by,
    prinUpdatedOn: audit.on,
    prinVerifiedOn: audit.verifiedOn,
  };
  return columns.map((column) => {
    if (!(column in values)) throw new Error(`No value for tblPrincipal.${column}`);
    return values[column] as SqlValue;
  });
}

export function rowToAffiliation(row: Record<string, unknown>): Affiliation {
  return {
    principalId: toInt(row.principalID, 'tblPrincipalAffiliations.principalID'),
    affiliationId: toInt(row.affiliationID, 'tblPrincipalAffiliations.affiliationID'),
    index: toInt(row.index, 'tblPrincipalAffiliations.index'),
  };
}
