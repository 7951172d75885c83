/** Invoke the built Lambda bundles in a child Node process (see functions-lambda-runner.mjs). */
// @ts-nocheck

import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface LambdaHost {
  invoke(name: string, event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2>;
  stop(): void;
}

export function startLambdaHost(env: Record<string, string>): LambdaHost {
  const child = spawn(process.execPath, [path.join(ROOT, "tests/support/functions-lambda-runner.mjs"), ROOT], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const waiting = new Map<number, { resolve: (r: APIGatewayProxyStructuredResultV2) => void; reject: (e: Error) => void }>();
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const msg = JSON.parse(line) as { id: number; result?: APIGatewayProxyStructuredResultV2; error?: string };
    const w = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (msg.error !== undefined) w?.reject(new Error(msg.error));
    else w?.resolve(msg.result!);
  });
  let next = 0;
  return {
    invoke(name, event) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.stdin!.write(JSON.stringify({ id, name, event }) + "\n");
      });
    },
    stop() {
      child.kill();
    },
  };
}
