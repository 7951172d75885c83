/**
 * The add-in manifest and its icons, checked offline: office-addin-manifest's own reader, the
 * generator agreeing with the committed manifest.xml, and the schema rules that can be checked
 * without Microsoft's online validator (element order, GUID, version, URLs, resids, lengths, icons).
 */
// @ts-nocheck

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";

//  plain .mjs scripts have no type declarations
import { DEFAULT_BASE_URL, normaliseBaseUrl, renderManifest } from "../scripts/make-manifest.mjs";
//  plain .mjs scripts have no type declarations
import { ICON_SIZES, renderIcon } from "../scripts/make-icons.mjs";

// The XML parser office-addin-manifest itself uses (its dependency; no type declarations of its own).
const { parseStringPromise } = createRequire(import.meta.url)("xml2js") as { parseStringPromise: (xml: string, options?: object) => Promise<any> };

const MANIFEST = "manifest.xml";
const committed = readFileSync(MANIFEST, "utf8");

type Node = Record<string, unknown> & { $?: Record<string, string>; _?: string };

/** All elements (depth-first) with their local tag name, from xml2js output. */
function elements(node: unknown, tag = "root", out: { tag: string; node: Node }[] = []): { tag: string; node: Node }[] {
  if (Array.isArray(node)) {
    for (const n of node) elements(n, tag, out);
    return out;
  }
  if (typeof node === "string") out.push({ tag: tag.replace(/^.*:/, ""), node: { _: node } });
  else if (node && typeof node === "object") {
    out.push({ tag: tag.replace(/^.*:/, ""), node: node as Node });
    for (const [k, v] of Object.entries(node)) if (k !== "$" && k !== "_") elements(v, k, out);
  }
  return out;
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is what the generator writes for the default base URL", () => {
    expect(DEFAULT_BASE_URL).toBe("http://localhost:3000");
    expect(renderManifest()).toBe(committed);
  });

  it("reads with office-addin-manifest as a Chinese Excel task-pane add-in on the local server", async () => {
    const m = await OfficeAddinManifest.readManifestFile(MANIFEST);
    expect(m).toMatchObject({
      officeAppType: "TaskPaneApp",
      defaultLocale: "zh-CN",
      displayName: "科技报表汇总",
      hosts: ["Workbook"],
      permissions: "ReadWriteDocument",
      version: "1.0.0.0",
      iconUrl: "http://localhost:3000/addin/assets/icon-32.png",
      highResolutionIconUrl: "http://localhost:3000/addin/assets/icon-64.png",
      defaultSettings: { sourceLocation: "http://localhost:3000/addin/taskpane.html" },
    });
    expect(m.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(m.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it("keeps the schema's element order and required elements", async () => {
    const xml = (await parseStringPromise(committed, { explicitChildren: true, preserveChildrenOrder: true })) as { OfficeApp: { $$: { "#name": string }[]; $: Record<string, string> } };
    expect(xml.OfficeApp.$["xsi:type"]).toBe("TaskPaneApp");
    const order = xml.OfficeApp.$$.map((c) => c["#name"]);
    expect(order).toEqual([
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]);
  });

  it("has a valid version, https-or-localhost URLs, bounded strings and every resid defined and used", async () => {
    const xml = await parseStringPromise(committed);
    const all = elements(xml);
    const version = all.find((e) => e.tag === "Version")!.node;
    expect(String(version._)).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);

    const urls = [
      ...all.filter((e) => ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Url", "Image"].includes(e.tag) && e.node.$?.DefaultValue).map((e) => e.node.$!.DefaultValue!),
      ...all.filter((e) => e.tag === "AppDomain").map((e) => String(e.node._)),
    ];
    expect(urls.length).toBe(11);
    for (const u of urls) expect(u).toMatch(/^(https:\/\/|http:\/\/localhost(:\d+)?\/?)/);

    const defined = new Map<string, string>();
    for (const e of all) {
      const id = e.node.$?.id;
      if (id && ["Image", "Url", "String"].includes(e.tag) && e.node.$?.DefaultValue !== undefined) {
        expect(defined.has(id), `resource ${id} defined twice`).toBe(false);
        defined.set(id, `${e.tag}:${e.node.$!.DefaultValue}`);
      }
    }
    const used = all.filter((e) => e.node.$?.resid).map((e) => e.node.$!.resid!);
    expect(used.length).toBeGreaterThan(0);
    for (const r of used) expect(defined.has(r), `resid ${r} is not defined`).toBe(true);
    for (const id of defined.keys()) expect(used, `resource ${id} is never used`).toContain(id);
    for (const id of used) expect(id.length).toBeLessThanOrEqual(32);

    const text = (tag: string) => all.filter((e) => e.tag === tag && e.node.$?.DefaultValue).map((e) => e.node.$!.DefaultValue!);
    for (const s of text("DisplayName")) expect(s.length).toBeLessThanOrEqual(125);
    for (const s of text("Description")) expect(s.length).toBeLessThanOrEqual(250);
    // Short strings (labels, titles) ≤ 125, long strings (descriptions, tooltips) ≤ 250.
    const shortIds = new Set(["GetStarted.Title", "Group.Label", "TaskpaneButton.Label"]);
    for (const [id, v] of defined) if (v.startsWith("String:")) expect(v.length - 7).toBeLessThanOrEqual(shortIds.has(id) ? 125 : 250);
  });

  it("puts a button on the Home tab that opens the pane, with 16/32/80 px icons", async () => {
    const xml = await parseStringPromise(committed);
    const all = elements(xml);
    const tab = all.find((e) => e.tag === "OfficeTab")!;
    expect(tab.node.$!.id).toBe("TabHome");
    const action = all.find((e) => e.tag === "Action")!;
    expect(action.node.$!["xsi:type"]).toBe("ShowTaskpane");
    for (const icon of all.filter((e) => e.tag === "Icon")) {
      const sizes = elements(icon.node).filter((e) => e.tag === "Image").map((e) => e.node.$!.size);
      expect(sizes).toEqual(["16", "32", "80"]);
    }
  });

  it("is generated for another server from HUIZONG_BASE_URL, and refuses plain http elsewhere", () => {
    const other = renderManifest("https://kj.example.gov.cn/huizong/");
    expect(other).not.toContain("localhost");
    expect(other).toContain('<SourceLocation DefaultValue="https://kj.example.gov.cn/huizong/addin/taskpane.html" />');
    expect(other.replaceAll("https://kj.example.gov.cn/huizong", "http://localhost:3000")).toBe(committed);
    expect(() => normaliseBaseUrl("http://kj.example.gov.cn")).toThrow(/https/);
    expect(() => normaliseBaseUrl("not a url")).toThrow(/not a URL/);
    expect(normaliseBaseUrl("http://localhost:8080/")).toBe("http://localhost:8080");
  });
});

describe("icons", () => {
  it.each(ICON_SIZES as number[])("icon-%i.png is committed, the size it says, and what make-icons draws", (size) => {
    const file = readFileSync(`addin/assets/icon-${size}.png`);
    expect(pngSize(file)).toEqual({ width: size, height: size });
    expect(Buffer.compare(file, renderIcon(size))).toBe(0);
  });

  it("every icon the manifest names exists", () => {
    const names = [...committed.matchAll(/\/addin\/assets\/(icon-\d+\.png)/g)].map((m) => m[1]!);
    expect(new Set(names)).toEqual(new Set(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]));
    for (const n of names) expect(readFileSync(`addin/assets/${n}`).length).toBeGreaterThan(100);
  });
});
