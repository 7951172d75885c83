// @ts-nocheck
// Child process for the "killed mid-write" test: writes one big object through
// the filesystem adapter and is SIGKILLed by the parent while doing so.
// argv: <root> <key> <sizeBytes> <fillByte>. Prints "writing" just before the put.
import { FsObjectStore } from "../../functions/storage/fs-store";

const [root, key, size, fill] = process.argv.slice(2);
const store = new FsObjectStore({ root: root!, chunkSize: 64 * 1024 });
const body = new Uint8Array(Number(size)).fill(Number(fill));
process.stdout.write("writing\n");
await store.put(key!, body);
process.stdout.write("done\n");
