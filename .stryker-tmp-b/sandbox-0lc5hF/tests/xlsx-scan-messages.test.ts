/**
 * The small-part scanner (templates/xlsx/scan.ts) word for word, without the saxes oracle and without
 * LibreOffice (tests/xlsx-scan.test.ts compares it with saxes on real and generated parts): each refusal's
 * exact message, and the exact events of documents at the edges (attribute normalisation, prefixes,
 * self-closing elements, text split by comments and CDATA, white space and markup outside the root).
 */
// @ts-nocheck

import { describe, expect, it } from "vitest";
import { scanXml } from "../templates/xlsx/scan";

type Event = string;

function run(xml: string): { events: Event[]; error: string | null } {
  const events: Event[] = [];
  const error = scanXml(xml, {
    open: (name, attrs, selfClosing) => events.push(`open ${name} ${JSON.stringify(attrs)}${selfClosing ? " /" : ""}`),
    text: (t) => events.push(`text ${JSON.stringify(t)}`),
    close: (name) => events.push(`close ${name}`),
  });
  return { events, error };
}

describe("scanXml refuses, word for word", () => {
  const long = "n".repeat(50);
  it.each<[string, string]>([
    ["<a><b></a></b>", "End tag a does not match b."],
    [`<${long}></x>`, `End tag x does not match ${"n".repeat(40)}.`],
    [`<a></${long}>`, `End tag ${"n".repeat(40)} does not match a.`],
    ["<a><b></b>", "Unclosed element a."],
    [`<${long}>`, `Unclosed element ${"n".repeat(40)}.`],
    ["<a></a></b>", "Unexpected end tag b."],
    [`<a></a></${long}>`, `Unexpected end tag ${"n".repeat(40)}.`],
    ["<a/><b/>", "More than one root element."],
    ["x<a/>", "Text outside the root element."],
    ["<a/>x", "Text outside the root element."],
    ["<a>&nbsp;</a>", "Invalid entity or character reference."],
    ['<a b="&foo;"/>', "Invalid entity or character reference."],
    ["<a b=1/>", "Unquoted attribute value."],
    ["<a b >", "Attribute b without a value."],
    [`<a ${long} >`, `Attribute ${"n".repeat(40)} without a value.`],
    ['<a b="1" b="2"/>', "Duplicate attribute b."],
    [`<a ${long}="1" ${long}="2"/>`, `Duplicate attribute ${"n".repeat(40)}.`],
    ['<a x:b="1" y:b="2" x:b="3"/>', "Duplicate attribute x:b."],
    ['<a b="<"/>', "A < in an attribute value."],
    ['<a b="1"c="2"/>', "Attributes must be separated by white space."],
    ['<a b="1/>', "Unclosed attribute value."],
    ["<a b='1/>", "Unclosed attribute value."],
    ["<a", "Malformed start tag."],
    ["<a ", "Unclosed start tag."],
    ['<a b="1"', "Unclosed start tag."],
    ["<a><!-- x</a>", "Unclosed comment."],
    ["<a><![CDATA[x</a>", "Unclosed CDATA section."],
    ["<![CDATA[x]]><a/>", "CDATA outside the root element."],
    ["<?pi x<a/>", "Unclosed processing instruction."],
    ["<a></a", "Unclosed end tag."],
    ['<!DOCTYPE a><a/>', "DOCTYPE"],
    ["<a>< b/></a>", "Malformed start tag."],
    ["<a><></a>", "Malformed start tag."],
    ["   ", "No root element."],
    ["", "No root element."],
    ["<!-- only a comment -->", "No root element."],
    ["<a><b/ ></a>", "Malformed self-closing tag."],
    ["<a<b/>", "Invalid character in a tag name."],
    ["<a=b/>", "Invalid character in a tag name."],
    ['<a"/>', "Invalid character in a tag name."],
    ["<a'/>", "Invalid character in a tag name."],
    ["<a&/>", "Invalid character in a tag name."],
    ['<a b<c="1"/>', "Invalid character in an attribute name."],
    ['<a b"c="1"/>', "Invalid character in an attribute name."],
    ["<a b'c='1'/>", "Invalid character in an attribute name."],
    ['<a b&c="1"/>', "Invalid character in an attribute name."],
    ['<a b/c="1"/>', "Invalid character in an attribute name."],
    ['<a b>c="1"/>', "Invalid character in an attribute name."],
    ['<a ="1"/>', "Empty attribute name."],
  ])("%j: %s", (xml, message) => {
    expect(run(xml).error).toBe(message);
  });
});

describe("scanXml's events", () => {
  it.each<[string, string, Event[]]>([
    ["a self-closing root", "<a/>", ["open a {} /", "close a"]],
    ["white space, a declaration, comments and PIs around the root", ` \n<?xml version="1.0"?>\t<!-- c --><a/><?pi x?>\r\n<!-- d -->`, ["open a {} /", "close a"]],
    ["attributes in either quote, spaced, prefixed (the local name kept)", `<x:a  x:b = "1"\tc='&lt;&#x41;'\n/>`, [`open a {"b":"1","c":"<A"} /`, "close a"]],
    ["tabs, CR, LF and CRLF in attributes become spaces; references to them stay", `<a b="1\t2\n3\r4\r\n5&#10;6"/>`, [`open a {"b":"1 2 3 4 5\\n6"}`.replace("}", "} /"), "close a"]],
    ["an attribute with '>' and '/' in its value", `<a b="x/>y"/>`, [`open a {"b":"x/>y"} /`, "close a"]],
    ["text, split by a comment and a CDATA section", "<a>x&amp;<!-- c -->y<![CDATA[<&>]]>z</a>", ["open a {}", 'text "x&"', 'text "y"', 'text "<&>"', 'text "z"', "close a"]],
    ["nested elements, end tags with white space", "<x:a><b>t</b >\n</x:a\t>", ["open a {}", "open b {}", 'text "t"', "close b", 'text "\\n"', "close a"]],
    ["a prefixed end tag must match the prefixed start", "<x:a></x:a>", ["open a {}", "close a"]],
    ["a character reference in text", "<a>&#20013;&#x6587;</a>", ["open a {}", 'text "中文"', "close a"]],
    ["comments, CDATA sections and PIs side by side", "<a><!--1--><!--2-->x<![CDATA[y]]><![CDATA[z]]><?p?><?q r?></a>", ["open a {}", 'text "x"', 'text "y"', 'text "z"', "close a"]],
  ])("%s", (_what, xml, events) => {
    expect(run(xml)).toEqual({ events, error: null });
  });

  it("handlers without text or close are fine", () => {
    const opened: string[] = [];
    expect(scanXml("<a>t<b/><![CDATA[x]]></a>", { open: (n) => opened.push(n) })).toBeNull();
    expect(opened).toEqual(["a", "b"]);
  });

  it("events stop at the first error", () => {
    expect(run("<a><b>x</c></a>")).toEqual({ events: ["open a {}", "open b {}", 'text "x"'], error: "End tag c does not match b." });
  });
});
