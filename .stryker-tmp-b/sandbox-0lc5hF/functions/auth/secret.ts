/**
 * Where the signing secret comes from.
 *
 * - `HUIZONG_JWT_SECRET` (any environment, e.g. tests or a laptop);
 * - on Lambda, `HUIZONG_JWT_SECRET_ARN`: a Secrets Manager secret (created by
 *   template.yaml), read once per container with the AWS SDK the Node.js
 *   Lambda runtime ships (so it is not bundled);
 * - the local server falls back to a generated secret kept in its data folder
 *   (see functions/local/server.ts).
 */
// @ts-nocheck


/** What we need of `@aws-sdk/client-secrets-manager`. */
interface SecretsManagerModule {
  SecretsManagerClient: new (config: object) => { send(command: unknown): Promise<{ SecretString?: string }> };
  GetSecretValueCommand: new (input: { SecretId: string }) => unknown;
}

export type SecretFetcher = (secretId: string) => Promise<string>;

/** Fetch a secret string with the runtime's AWS SDK. */
export const fetchFromSecretsManager: SecretFetcher = async (secretId) => {
  // A variable specifier keeps esbuild from bundling it and tsc from resolving it: the Lambda runtime provides it.
  const name = "@aws-sdk/client-secrets-manager";
  const sm = (await import(name)) as SecretsManagerModule;
  const out = await new sm.SecretsManagerClient({}).send(new sm.GetSecretValueCommand({ SecretId: secretId }));
  if (!out.SecretString) throw new Error(`secret ${secretId} has no SecretString`);
  return out.SecretString;
};

/** The secret from the environment, or null when none is configured. */
export async function secretFromEnv(env: Record<string, string | undefined>, fetcher: SecretFetcher = fetchFromSecretsManager): Promise<string | null> {
  const direct = env.HUIZONG_JWT_SECRET?.trim();
  if (direct) return direct;
  const arn = env.HUIZONG_JWT_SECRET_ARN?.trim();
  if (arn) return (await fetcher(arn)).trim();
  return null;
}
