// Permalink length benchmark (issue 6, acceptance 2).
//
// For every Dockerfile in core/tests/corpus, compares the fragment that
// `dockerplay share` makes with the schemes other playgrounds use:
//   - lz-string's compressToEncodedURIComponent (the TypeScript playground),
//   - pako deflate at level 9 (zlib framing, as Mermaid's editor uses it)
//     turned into base64url,
//   - pako raw deflate at level 9 + base64url, to show what the preset
//     dictionary and the framing add over plain deflate.
// Prefixes that name a scheme ("code/", "pako:") are left out of the others'
// lengths; ours includes its one version character.
//
// Usage: node bench/permalink/run.mjs [--cli PATH] [--corpus DIR]
// Without --cli it builds the release CLI first; --corpus measures other
// Dockerfiles (*.Dockerfile) than the committed corpus. Prints a Markdown table and
// the medians; exits 1 if our median length exceeds 0.8 x lz-string's, or if
// any link does not open back to its file.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import LZString from "lz-string";
import pako from "pako";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const option = (name) => {
  const i = process.argv.indexOf(name);
  if (i === -1) return undefined;
  if (!process.argv[i + 1]) throw new Error(`${name} needs a value`);
  return resolve(process.argv[i + 1]);
};
const corpusDir = option("--corpus") ?? join(root, "core/tests/corpus");
const TARGET_RATIO = 0.8;

function cliPath() {
  const given = option("--cli");
  if (given) return given;
  console.error("building the release CLI (cargo build --release -p dockerplay-cli)...");
  execFileSync("cargo", ["build", "--release", "--quiet", "-p", "dockerplay-cli"], { cwd: root, stdio: "inherit" });
  return join(root, "target/release/dockerplay");
}

const base64url = (bytes) => Buffer.from(bytes).toString("base64url");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const cli = cliPath();
const names = readdirSync(corpusDir).filter((n) => n.endsWith(".Dockerfile")).sort();
if (names.length === 0) throw new Error(`no Dockerfiles in ${corpusDir}`);

const rows = [];
let broken = 0;
for (const name of names) {
  const file = join(corpusDir, name);
  const text = readFileSync(file, "utf8");
  const link = execFileSync(cli, ["share", file], { encoding: "utf8" }).trim();
  const ours = link.slice(link.indexOf("#") + 1);
  const back = execFileSync(cli, ["open", link], { encoding: "utf8" });
  if (back !== text) {
    console.error(`${name}: the link does not open back to the file`);
    broken += 1;
  }
  // The other schemes must round-trip too, or their lengths mean nothing.
  const lz = LZString.compressToEncodedURIComponent(text);
  const zlib = base64url(pako.deflate(text, { level: 9 }));
  const raw = base64url(pako.deflateRaw(text, { level: 9 }));
  if (LZString.decompressFromEncodedURIComponent(lz) !== text
      || pako.inflate(Buffer.from(zlib, "base64url"), { to: "string" }) !== text
      || pako.inflateRaw(Buffer.from(raw, "base64url"), { to: "string" }) !== text) {
    throw new Error(`${name}: a reference scheme did not round-trip`);
  }
  rows.push({ name, bytes: Buffer.byteLength(text), ours: ours.length, lz: lz.length, zlib: zlib.length, raw: raw.length });
}

const pad = (s, n) => String(s).padStart(n);
console.log("| Dockerfile | bytes | ours | lz-string | pako zlib | pako raw | ours / lz-string |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(`| ${r.name} | ${pad(r.bytes, 5)} | ${pad(r.ours, 5)} | ${pad(r.lz, 5)} | ${pad(r.zlib, 5)} | ${pad(r.raw, 5)} | ${(r.ours / r.lz).toFixed(2)} |`);
}
const med = (key) => median(rows.map((r) => r[key]));
const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
console.log(`| **median** (${rows.length} files) | ${med("bytes")} | **${med("ours")}** | ${med("lz")} | ${med("zlib")} | ${med("raw")} | ${median(rows.map((r) => r.ours / r.lz)).toFixed(2)} |`);
console.log(`| total | ${total("bytes")} | ${total("ours")} | ${total("lz")} | ${total("zlib")} | ${total("raw")} | ${(total("ours") / total("lz")).toFixed(2)} |`);

const ratio = med("ours") / med("lz");
console.log(`\nmedian link length: ours ${med("ours")}, lz-string ${med("lz")}, pako zlib ${med("zlib")}, pako raw ${med("raw")}`);
console.log(`ours / lz-string (medians): ${ratio.toFixed(3)} (target <= ${TARGET_RATIO})`);
console.log(`ours / pako zlib (medians): ${(med("ours") / med("zlib")).toFixed(3)}`);
if (broken > 0) {
  console.error(`FAIL: ${broken} links did not open back to their files`);
  process.exit(1);
}
if (ratio > TARGET_RATIO) {
  console.error(`FAIL: our median is ${ratio.toFixed(3)} x lz-string's, above ${TARGET_RATIO}`);
  process.exit(1);
}
console.log("PASS");
