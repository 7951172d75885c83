/**
 * A real s3rver on loopback for the S3 adapter tests: random free port,
 * silent, data in a fresh temp folder, one bucket made at start.
 *
 * s3rver runs in a child Node process started with `--openssl-legacy-provider`:
 * its ListObjectsV2 continuation tokens are DES-encrypted, and Node ≥ 17
 * (OpenSSL 3) refuses DES without the legacy provider, so every truncated
 * listing would fail with HTTP 500 InternalError in-process. Nothing of
 * s3rver or the SDK is patched.
 */
// @ts-nocheck


import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { S3Client } from "@aws-sdk/client-s3";

export interface RunningS3rver {
  endpoint: string;
  bucket: string;
  /** s3rver's data folder (objects are stored as files below `<directory>/<bucket>/`). */
  directory: string;
  /** A client wired to this server (path style, s3rver's fixed dummy credentials). */
  makeClient(): S3Client;
  stop(): Promise<void>;
}

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "s3rver-child.mjs");

/** Build an S3 client for an S3-compatible endpoint with s3rver's fixed credentials. */
export function s3rverClient(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
}

export async function startS3rver(bucket = "huizong-test"): Promise<RunningS3rver> {
  const directory = await mkdtemp(path.join(tmpdir(), "huizong-s3rver-"));
  const child = spawn(process.execPath, ["--openssl-legacy-provider", CHILD, directory, bucket], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const port = await readPort(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const clients: S3Client[] = [];
  return {
    endpoint,
    bucket,
    directory,
    makeClient() {
      const client = s3rverClient(endpoint);
      clients.push(client);
      return client;
    },
    async stop() {
      for (const c of clients) c.destroy();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function readPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error("s3rver did not start within 15 s"));
    }, 15_000);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited before listening (code ${code}, signal ${signal})`));
    });
    lines.once("line", (line) => {
      clearTimeout(timer);
      lines.close();
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
}
