import { defineErrorCatalog } from '@pcmig/core';

/** Errors of the directory (embedded file-backed or LDAP). Documented in docs/errors/directory.md. */
export const directoryErrors = defineErrorCatalog('DIR', {
  'PCMIG-DIR-001': {
    category: 'ConnectionError',
    title: 'The directory server cannot be reached.',
    hint: 'Check directory.url in deployment.json (ldap://host:389 or ldaps://host:636), DNS, the firewall and that the domain controller is up.',
  },
  'PCMIG-DIR-002': {
    category: 'AuthenticationError',
    title: 'The directory refused the bind credentials.',
    hint: 'Check directory.bindDn in deployment.json and the password in the environment variable named by directory.passwordEnv. Passwords are never logged.',
  },
  'PCMIG-DIR-003': {
    category: 'PermissionDenied',
    title: 'The directory refused the operation for lack of rights.',
    hint: 'The bind account must read users and create and delete contacts in CN=Application Contacts (in AD: a member of RTCUniversalServerAdmins).',
  },
  'PCMIG-DIR-004': {
    category: 'ObjectNotFound',
    title: 'The directory entry does not exist.',
    hint: 'Check the distinguished name; another administrator may have removed the entry.',
  },
  'PCMIG-DIR-005': {
    category: 'ResourceExists',
    title: 'A directory entry with this distinguished name already exists.',
    hint: 'Choose another name, or remove the existing entry first.',
  },
  'PCMIG-DIR-006': {
    category: 'ObjectNotFound',
    title: 'The parent container of the entry does not exist.',
    hint: 'Lync Server forest preparation creates CN=Application Contacts,CN=RTC Service,CN=Services,CN=Configuration; in a lab directory, provision it first.',
  },
  'PCMIG-DIR-007': {
    category: 'InvalidArgument',
    title: 'The distinguished name is malformed.',
    hint: 'Write it as RFC 4514 attribute=value pairs separated by commas, escaping , + " \\ < > ; = and leading # or spaces with a backslash.',
  },
  'PCMIG-DIR-008': {
    category: 'InvalidData',
    title: 'The embedded directory file is damaged.',
    hint: 'pcmig never rewrites a damaged file. Restore directory.json from a backup of the deployment folder.',
  },
  'PCMIG-DIR-009': {
    category: 'ResourceBusy',
    title: 'The embedded directory is locked by another pcmig process.',
    hint: 'Wait for the other command to finish. If no pcmig process runs, delete the lock file named in the message.',
  },
  'PCMIG-DIR-010': {
    category: 'InvalidOperation',
    title: 'The directory rejected the operation.',
    hint: 'The cause gives the directory\'s result code and message.',
  },
  'PCMIG-DIR-011': {
    category: 'InvalidOperation',
    title: 'The entry has child entries and cannot be deleted.',
    hint: 'Only leaf objects (users, contacts) are deleted by pcmig.',
  },
  'PCMIG-DIR-012': {
    category: 'WriteError',
    title: 'The embedded directory file cannot be written.',
    hint: 'Check the permissions and free space of the deployment folder. The file was left as it was.',
  },
  'PCMIG-DIR-013': {
    category: 'ObjectNotFound',
    title: 'The embedded directory file does not exist.',
    hint: 'createDeployment creates it; check directory.file in deployment.json.',
  },
  'PCMIG-DIR-014': {
    category: 'InvalidData',
    title: 'The directory rejected the entry as invalid for its schema.',
    hint: 'In Active Directory run Lync Server schema preparation; in a lab OpenLDAP directory load ldap-schema/pcmig-lync.schema (docs/directory.md).',
  },
});
