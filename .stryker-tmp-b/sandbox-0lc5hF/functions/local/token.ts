/**
 * Issue a credential for one unit (the operator's tool on AWS, where no
 * demo tokens are printed):
 *
 *   HUIZONG_JWT_SECRET=… node --import tsx functions/local/token.ts 330102001000 unit 青阳镇 [days]
 *
 * On AWS the secret is the `JwtSecretArn` output of the stack:
 *   aws secretsmanager get-secret-value --secret-id <arn> --query SecretString --output text
 */
// @ts-nocheck

import { deriveKeys, issueToken } from "../auth/tokens";
import { loadConfig } from "../config";

const [code, role, name, days = "180"] = process.argv.slice(2);
const secret = loadConfig().jwtSecret;
if (!secret || !code || !/^\d{12}$/.test(code) || (role !== "unit" && role !== "county" && role !== "city") || !name || !(Number(days) > 0)) {
  process.stderr.write("用法 usage: HUIZONG_JWT_SECRET=… node --import tsx functions/local/token.ts <12位区划代码> unit|county|city <单位名称> [有效天数]\n");
  process.exit(2);
}
process.stdout.write(`${await issueToken(deriveKeys(secret), { sub: code, role, name }, Math.round(Number(days) * 86400))}\n`);
