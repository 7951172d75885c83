/**
 * The pure SHA-256 (templates/library/sha256.ts) on its own: FIPS 180-2 vectors as literals,
 * every message length around the padding boundaries (55/56/63/64/65, 119/120 bytes…),
 * multi-byte UTF-8, and lengths whose bit count reaches the 2nd, 3rd and 4th byte of the
 * length field. The other library tests hash with this same function on both sides, so a
 * wrong hash would go unnoticed there: here it is compared with node:crypto.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../templates/library/sha256";

const node = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** FIPS 180-2 appendix B and the NIST CAVP short messages, as published. */
const VECTORS: [name: string, text: string, hex: string][] = [
  ["the empty message", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ["abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
  ["the 448-bit message", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
  [
    "the 896-bit message",
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
  ],
  ["one million a", "a".repeat(1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
];

describe("sha-256: the published vectors", () => {
  it.each(VECTORS)("%s", (_name, text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });
});

/** Every length from 0 to 130 bytes: one, two and three blocks, the 0x80 byte and the length field at each place. */
const LENGTHS = Array.from({ length: 131 }, (_, n) => n);
const message = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(33 + ((i * 7 + n) % 94))).join("");

describe("sha-256: message lengths around the block boundaries", () => {
  it.each([55, 56, 63, 64, 65, 119, 120])("%i bytes", (n) => {
    const text = message(n);
    expect(new TextEncoder().encode(text).length).toBe(n);
    expect(sha256Hex(text)).toBe(node(text));
  });

  it("every length from 0 to 130 bytes", () => {
    expect(LENGTHS.map((n) => sha256Hex(message(n)))).toEqual(LENGTHS.map((n) => node(message(n))));
  });

  it("hex words with leading zeros keep them (64 characters each time)", () => {
    const hashes = LENGTHS.map((n) => sha256Hex(message(n)));
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    // The table above is only a test of padding if some word starts with a zero nibble.
    expect(hashes.some((h) => /^(?:.{8})*0/.test(h))).toBe(true);
  });
});

describe("sha-256: text as UTF-8", () => {
  it.each<[string, string]>([
    ["Chinese (3 bytes a character), 18 bytes", "指标库汇总校验"],
    ["Chinese across a block boundary, 66 bytes", "科技统计".repeat(5) + "汇总报表"],
    ["a 4-byte character", "𠀀指标"],
    ["mixed, a library's first characters", '{"id":"HZ-KJ-01","title":"乡镇（街道）科技工作统计表"}'],
  ])("%s", (_name, text) => {
    expect(sha256Hex(text)).toBe(node(text));
  });
});

describe("sha-256: the bit count's upper bytes", () => {
  it.each<[string, number]>([
    ["8,192 bytes (bit count reaches its third byte)", 8_192],
    ["8,231 bytes (second byte not a multiple of 256)", 8_231],
    ["2,097,152 bytes (bit count reaches its fourth byte)", 2_097_152],
    ["2,100,017 bytes", 2_100_017],
  ])("%s", (_name, n) => {
    const text = "k".repeat(n - 3) + "科";
    expect(sha256Hex(text)).toBe(node(text));
  });

  it("one value after another: no state carries over between calls", () => {
    const a = message(100);
    const b = "b".repeat(3_000);
    expect([sha256Hex(a), sha256Hex(b), sha256Hex(a)]).toEqual([node(a), node(b), node(a)]);
  });
});
