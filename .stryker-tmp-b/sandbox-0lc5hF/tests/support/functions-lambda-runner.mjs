// @ts-nocheck
// A stand-in for the Lambda runtime: loads the built bundles (dist/functions/<name>/index.mjs) with Node's
// own loader and invokes `handler` with the events it reads from stdin, one JSON line each
// ({ id, name, event }), answering one JSON line each ({ id, result } or { id, error }).
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const root = process.argv[2];
const handlers = new Map();
for await (const line of createInterface({ input: process.stdin })) {
  const { id, name, event } = JSON.parse(line);
  try {
    if (!handlers.has(name)) handlers.set(name, (await import(pathToFileURL(path.join(root, "dist/functions", name, "index.mjs")).href)).handler);
    const result = await handlers.get(name)(event, { awsRequestId: String(id), functionName: name });
    process.stdout.write(JSON.stringify({ id, result }) + "\n");
  } catch (err) {
    process.stdout.write(JSON.stringify({ id, error: String(err?.stack ?? err) }) + "\n");
  }
}
