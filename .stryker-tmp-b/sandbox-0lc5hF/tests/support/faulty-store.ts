/**
 * A deterministic fault-injecting wrapper around any ObjectStore, for tests of
 * what callers promise when storage misbehaves: a call that fails before it
 * lands, one that hangs until the test lets it go, and one whose write lands
 * but whose answer is lost (the caller sees an error although the object is
 * stored). Faults are armed per operation and key pattern, on the nth matching
 * call, so a test says exactly which write goes wrong; nothing depends on timing.
 *
 * The conveniences (putText, putJson, getText, getJson) go through the byte
 * methods (BaseObjectStore), so a fault on `put` of "*.json" hits putJson too.
 */
// @ts-nocheck

import { BaseObjectStore, StorageUnavailable, type ObjectStore, type PutOptions } from "../../functions/storage/index";

export type StoreOp = "put" | "get" | "exists" | "list" | "listFolders" | "delete";
export type Fault = "fail" | "hang" | "lose-answer";

export interface FaultRule {
  op: StoreOp;
  fault: Fault;
  /** Which keys (or prefixes, for list) the rule watches; default: every one. */
  match?: (key: string) => boolean;
  /** Fire on the nth matching call (1-based), counted from when the rule was armed; default 1. */
  nth?: number;
}

/** A fired (or yet to fire) fault: wait for it, and let a hung call go on or fail. */
export interface FaultHandle {
  /** Resolves with the key when the fault fires. */
  readonly reached: Promise<string>;
  /** For "hang": perform the held call now (its caller then sees the real outcome). */
  release(): void;
  /** For "hang": fail the held call without performing it. */
  abort(): void;
  /** Whether the fault has fired. */
  readonly fired: boolean;
}

export interface LoggedCall {
  op: StoreOp;
  key: string;
  /** What happened: performed, failed (not performed), lost (performed, caller got an error), hung. */
  outcome: "ok" | "error" | "failed" | "lost" | "hung";
}

interface Armed {
  rule: FaultRule;
  seen: number;
  handle: FaultHandle & { fire(key: string): void; gate: Promise<"release" | "abort"> };
}

function handle(): Armed["handle"] {
  let reachedResolve!: (key: string) => void;
  let gateResolve!: (v: "release" | "abort") => void;
  const reached = new Promise<string>((r) => (reachedResolve = r));
  const gate = new Promise<"release" | "abort">((r) => (gateResolve = r));
  const h = {
    reached,
    gate,
    fired: false,
    release: () => gateResolve("release"),
    abort: () => gateResolve("abort"),
    fire(key: string) {
      h.fired = true;
      reachedResolve(key);
    },
  };
  return h;
}

export class FaultyStore extends BaseObjectStore {
  /** Every call in order, with its outcome (hung calls are logged again when they settle). */
  readonly log: LoggedCall[] = [];
  private armed: Armed[] = [];

  constructor(readonly inner: ObjectStore) {
    super();
  }

  /** Arm a fault; it fires once, on the nth matching call. */
  inject(rule: FaultRule): FaultHandle {
    const a: Armed = { rule, seen: 0, handle: handle() };
    this.armed.push(a);
    return a.handle;
  }

  /** Disarm every fault that has not fired yet. */
  clear(): void {
    this.armed = [];
  }

  /** The keys written (put) so far whose call performed the write, in order. */
  writtenKeys(): string[] {
    return this.log.filter((c) => c.op === "put" && (c.outcome === "ok" || c.outcome === "lost")).map((c) => c.key);
  }

  private async run<T>(op: StoreOp, key: string, call: () => Promise<T>): Promise<T> {
    // Every matching rule counts the call; the first whose count reaches its nth fires.
    let a: Armed | undefined;
    for (const x of this.armed) {
      if (x.rule.op !== op || !(x.rule.match?.(key) ?? true)) continue;
      x.seen++;
      if (!a && x.seen === (x.rule.nth ?? 1)) a = x;
    }
    if (!a) return this.logged(op, key, call);
    this.armed = this.armed.filter((x) => x !== a);
    a.handle.fire(key);
    switch (a.rule.fault) {
      case "fail":
        this.log.push({ op, key, outcome: "failed" });
        throw new StorageUnavailable(key, "INJECTED_FAIL");
      case "lose-answer":
        await call();
        this.log.push({ op, key, outcome: "lost" });
        throw new StorageUnavailable(key, "INJECTED_LOST_ANSWER");
      case "hang": {
        this.log.push({ op, key, outcome: "hung" });
        if ((await a.handle.gate) === "abort") {
          this.log.push({ op, key, outcome: "failed" });
          throw new StorageUnavailable(key, "INJECTED_HANG_ABORTED");
        }
        return this.logged(op, key, call);
      }
    }
  }

  private async logged<T>(op: StoreOp, key: string, call: () => Promise<T>): Promise<T> {
    try {
      const v = await call();
      this.log.push({ op, key, outcome: "ok" });
      return v;
    } catch (err) {
      this.log.push({ op, key, outcome: "error" });
      throw err;
    }
  }

  put(key: string, body: Uint8Array, opts?: PutOptions): Promise<void> {
    return this.run("put", key, () => this.inner.put(key, body, opts));
  }
  get(key: string): Promise<Uint8Array> {
    return this.run("get", key, () => this.inner.get(key));
  }
  exists(key: string): Promise<boolean> {
    return this.run("exists", key, () => this.inner.exists(key));
  }
  list(prefix: string): Promise<string[]> {
    return this.run("list", prefix, () => this.inner.list(prefix));
  }
  listFolders(prefix: string): Promise<string[]> {
    return this.run("listFolders", prefix, () => this.inner.listFolders(prefix));
  }
  delete(key: string): Promise<void> {
    return this.run("delete", key, () => this.inner.delete(key));
  }
}

/**
 * What the AWS SDK's standard retry strategy does below the S3 adapter: a
 * call that fails with StorageUnavailable is sent once more. Over a
 * FaultyStore, a "lose-answer" write is then retried and meets its own
 * object (a create-only write answers StorageConflict), as against S3.
 */
export class RetryOnceStore extends BaseObjectStore {
  constructor(readonly inner: ObjectStore) {
    super();
  }

  private async again<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof StorageUnavailable)) throw err;
      return call();
    }
  }

  put(key: string, body: Uint8Array, opts?: PutOptions): Promise<void> {
    return this.again(() => this.inner.put(key, body, opts));
  }
  get(key: string): Promise<Uint8Array> {
    return this.again(() => this.inner.get(key));
  }
  exists(key: string): Promise<boolean> {
    return this.again(() => this.inner.exists(key));
  }
  list(prefix: string): Promise<string[]> {
    return this.again(() => this.inner.list(prefix));
  }
  listFolders(prefix: string): Promise<string[]> {
    return this.again(() => this.inner.listFolders(prefix));
  }
  delete(key: string): Promise<void> {
    return this.again(() => this.inner.delete(key));
  }
}
