// @ts-nocheck
// The one place the project installs Debian packages (test environment, Chromium for the
// browser tests). Needs root, as on CI and the dev machines here; otherwise it says what to run.
import { execFileSync } from "node:child_process";

/** apt-get install the packages, or throw with the command a person should run. */
export function installDebianPackages(pkgs) {
  if (pkgs.length === 0) return;
  if (!process.getuid || process.getuid() !== 0) {
    throw new Error(`missing ${pkgs.join(", ")}; run as root or: sudo apt-get install -y ${pkgs.join(" ")}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...pkgs], { stdio: "inherit", env });
}
