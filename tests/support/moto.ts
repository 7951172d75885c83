/**
 * A real moto S3 server on loopback (moto 5.2.1, scripts/moto_server.py),
 * the S3 endpoint of the tests that honours conditional writes
 * (`If-None-Match: *` → 412, `If-Match`), which s3rver does not.
 *
 * Started by the tests themselves on a free port (`-p 0`: the server picks
 * one and prints it); a machine without moto fails the test with the reason,
 * it does not skip (scripts/setup-test-env.mjs installs it).
 *
 * HZ_MOTO_ENDPOINT (mutation runs only, docs/mutation.md) names a moto already
 * listening, so a rerun per mutant does not pay Python's start-up: each start
 * then gets a bucket of its own on that server, and stopping leaves it running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";

/** moto's app served one request at a time, so create-only PUTs are atomic as on S3 (see the script's note). */
const MOTO_SERVER = fileURLToPath(new URL("../../scripts/moto_server.py", import.meta.url));

let sharedStarts = 0;

export interface RunningMoto {
  endpoint: string;
  bucket: string;
  /** A client wired to this server (path style, dummy credentials). */
  makeClient(extra?: Partial<ConstructorParameters<typeof S3Client>[0]>): S3Client;
  stop(): Promise<void>;
}

export async function startMoto(bucket = "huizong-test"): Promise<RunningMoto> {
  const shared = process.env.HZ_MOTO_ENDPOINT;
  const child = shared ? null : spawn("python3", [MOTO_SERVER, "127.0.0.1", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  const endpoint = child ? `http://127.0.0.1:${await readPort(child)}` : shared!;
  if (shared) bucket = `${bucket}-${process.pid}-${++sharedStarts}`;
  const clients: S3Client[] = [];
  const makeClient = (extra: Partial<ConstructorParameters<typeof S3Client>[0]> = {}) => {
    const client = new S3Client({
      endpoint,
      forcePathStyle: true,
      region: "us-east-1",
      credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
      ...extra,
    });
    clients.push(client);
    return client;
  };
  await makeClient().send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    endpoint,
    bucket,
    makeClient,
    async stop() {
      for (const c of clients) c.destroy();
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

/** moto (werkzeug) logs `Running on http://127.0.0.1:PORT` on stderr once it listens. */
function readPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`moto did not start within 120 s: ${seen.slice(-500)}`));
    }, 120_000); // a safety limit: a loaded machine starts Python slowly
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`moto could not be started (python3 scripts/moto_server.py; run scripts/setup-test-env.mjs): ${err.message}`));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`moto exited before listening (code ${code}, signal ${signal}; is moto 5.2.1 installed for python3? run scripts/setup-test-env.mjs): ${seen.slice(-500)}`));
    });
    const lines = createInterface({ input: child.stderr! });
    lines.on("line", (line) => {
      seen += line + "\n";
      const m = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        // Keep draining its log so the pipe never fills.
        child.stdout!.resume();
        resolve(Number(m[1]));
      }
    });
    child.stdout!.resume();
  });
}
