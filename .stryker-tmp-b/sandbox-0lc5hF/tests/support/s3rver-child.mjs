// @ts-nocheck
// Runs s3rver in its own Node process for the tests (see ./s3rver.ts for why).
// argv: <directory> <bucket>. Prints one JSON line {"port":N} when listening;
// exits when stdin closes (the parent went away) or on SIGTERM.
import S3rver from "s3rver";

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: bucket }],
});
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);

let closing = false;
const stop = async () => {
  if (closing) return;
  closing = true;
  await server.close().catch(() => undefined);
  process.exit(0);
};
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();
