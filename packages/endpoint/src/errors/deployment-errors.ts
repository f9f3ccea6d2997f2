import { defineErrorCatalog } from '@pcmig/core';

/** Errors of the deployment folder and deployment.json. Documented in docs/errors/deployment.md. */
export const deploymentErrors = defineErrorCatalog('DEPL', {
  'PCMIG-DEPL-001': {
    category: 'InvalidArgument',
    title: 'No deployment was given.',
    hint: 'Pass -Deployment <folder> or set the PCMIG_DEPLOYMENT environment variable to the folder holding deployment.json.',
  },
  'PCMIG-DEPL-002': {
    category: 'ObjectNotFound',
    title: 'The deployment folder does not exist.',
    hint: 'Check the -Deployment value or PCMIG_DEPLOYMENT.',
  },
  'PCMIG-DEPL-003': {
    category: 'ObjectNotFound',
    title: 'The deployment folder has no deployment.json.',
    hint: 'Write one as described in docs/deployment.md, or create the deployment with createDeployment.',
  },
  'PCMIG-DEPL-004': {
    category: 'ParserError',
    title: 'deployment.json is not valid JSON.',
    hint: 'The message gives the position of the first syntax error.',
  },
  'PCMIG-DEPL-005': {
    category: 'InvalidData',
    title: 'deployment.json does not match its schema.',
    hint: 'The reason lists every problem with its path; docs/deployment.md describes each field.',
  },
  'PCMIG-DEPL-006': {
    category: 'SecurityError',
    title: 'deployment.json contains a password.',
    hint: 'Remove it. Put the password in an environment variable and name that variable in directory.passwordEnv.',
  },
  'PCMIG-DEPL-007': {
    category: 'InvalidArgument',
    title: 'The environment variable holding the directory password is not set.',
    hint: 'Set the variable named by directory.passwordEnv in deployment.json before running the command.',
  },
  'PCMIG-DEPL-008': {
    category: 'SecurityError',
    title: 'A file named in deployment.json lies outside the deployment folder.',
    hint: 'directory.file and topology.file are relative paths inside the deployment folder, without "..".',
  },
  'PCMIG-DEPL-009': {
    category: 'ResourceExists',
    title: 'The folder already holds a deployment.',
    hint: 'Use an empty or new folder, or open the existing deployment.',
  },
  'PCMIG-DEPL-010': {
    category: 'InvalidData',
    title: 'A pool\'s database location in deployment.json is invalid.',
    hint: 'Give database.instance as -DBInstance takes it: host\\instance, host,port or host for SQL Server, a .db path (relative to the deployment folder) for SQLite.',
  },
  'PCMIG-DEPL-011': {
    category: 'WriteError',
    title: 'The deployment folder cannot be written.',
    hint: 'Check the permissions and free space of the folder.',
  },
});
