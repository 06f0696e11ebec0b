// Packs the built SDK as it is published: what a consumer installs, with a package.json that
// keeps no workspace-only fields (devDependencies, scripts for files not shipped). Usage:
// node pack.mjs <destination directory>; prints the tarball's path.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const destination = path.resolve(process.argv[2] ?? ".");
const { devDependencies: _dev, scripts: _scripts, ...manifest } = JSON.parse(readFileSync("package.json", "utf8"));

const stage = mkdtempSync(path.join(tmpdir(), "citynet-sdk-pack-"));
try {
  for (const file of manifest.files) cpSync(file, path.join(stage, file), { recursive: true });
  writeFileSync(path.join(stage, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(destination, { recursive: true });
  const output = execFileSync("npm", ["pack", "--json", "--pack-destination", destination], {
    cwd: stage,
    encoding: "utf8",
  });
  console.log(path.join(destination, JSON.parse(output)[0].filename));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
