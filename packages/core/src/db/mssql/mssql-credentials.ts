// Apart from the driver: reading credentials must not load mssql (the embedded default never needs it).

/** How to log in and talk to SQL Server. Read from parameters or PCMIG_SQL_* variables. */
export interface MssqlCredentials {
  readonly user?: string;
  readonly password?: string;
  /** With a domain, NTLM is used instead of SQL authentication. */
  readonly domain?: string;
  readonly encrypt?: boolean;
  readonly trustServerCertificate?: boolean;
  readonly connectTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** A full connection string (tests, advanced set-ups); overrides the location's server. */
  readonly connectionString?: string;
}

export function credentialsFromEnvironment(env: NodeJS.ProcessEnv = process.env): MssqlCredentials {
  const flag = (value: string | undefined) => (value === undefined ? undefined : /^(1|true|yes)$/i.test(value));
  return {
    ...(env.PCMIG_SQL_USER ? { user: env.PCMIG_SQL_USER } : {}),
    ...(env.PCMIG_SQL_PASSWORD ? { password: env.PCMIG_SQL_PASSWORD } : {}),
    ...(env.PCMIG_SQL_DOMAIN ? { domain: env.PCMIG_SQL_DOMAIN } : {}),
    ...(flag(env.PCMIG_SQL_ENCRYPT) !== undefined ? { encrypt: flag(env.PCMIG_SQL_ENCRYPT) } : {}),
    ...(flag(env.PCMIG_SQL_TRUST_SERVER_CERTIFICATE) !== undefined ? { trustServerCertificate: flag(env.PCMIG_SQL_TRUST_SERVER_CERTIFICATE) } : {}),
  };
}
