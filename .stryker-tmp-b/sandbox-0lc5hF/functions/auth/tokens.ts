/**
 * Signed tokens (HS256 JWT via jose): the credentials units log in with, and
 * the download links. Both are keyed from one secret but with separate
 * derived keys and audiences, so a download link is never a credential and
 * a credential is never a download link.
 */
// @ts-nocheck

import { createHmac } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import type { Role } from "../service/roster";

export interface Principal {
  /** 12-digit division code of the unit. */
  sub: string;
  role: Role;
  /** Unit name, for logs and the pane's header. */
  name: string;
  /** Sign-in sessions only: the generation of the unit's code it came from (a new code revokes the session). */
  gen?: string;
}

export interface Keys {
  api: Uint8Array;
  download: Uint8Array;
  /** Keys the digests sign-in codes are stored under (the codes themselves are never stored). */
  signin: Uint8Array;
}

const ISSUER = "huizong";
const API_AUDIENCE = "huizong-api";
const DOWNLOAD_AUDIENCE = "huizong-download";

/** Derive the two signing keys from the configured secret. */
export function deriveKeys(secret: string): Keys {
  if (secret.length < 16) throw new Error("HUIZONG_JWT_SECRET must be at least 16 characters");
  const k = (label: string) => new Uint8Array(createHmac("sha256", secret).update(label).digest());
  return { api: k("huizong api token v1"), download: k("huizong download link v1"), signin: k("huizong sign-in code v1") };
}

/** A credential for a unit, valid `ttlSeconds`. */
export async function issueToken(keys: Keys, p: Principal, ttlSeconds: number, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ role: p.role, name: p.name, ...(p.gen ? { gen: p.gen } : {}) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(p.sub)
    .setIssuer(ISSUER)
    .setAudience(API_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(keys.api);
}

export type VerifyFailure = { ok: false; code: "AUTH_INVALID" | "AUTH_EXPIRED" };

/** Verify a credential; the claims must name a 12-digit unit and a known role. */
export async function verifyToken(keys: Keys, token: string, now = Date.now()): Promise<{ ok: true; principal: Principal } | VerifyFailure> {
  try {
    const { payload } = await jwtVerify(token, keys.api, {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: API_AUDIENCE,
      requiredClaims: ["exp", "sub"],
      currentDate: new Date(now),
    });
    const role = payload.role;
    if (typeof payload.sub !== "string" || !/^\d{12}$/.test(payload.sub)) return { ok: false, code: "AUTH_INVALID" };
    if (role !== "unit" && role !== "county" && role !== "city") return { ok: false, code: "AUTH_INVALID" };
    const gen = typeof payload.gen === "string" ? { gen: payload.gen } : {};
    return { ok: true, principal: { sub: payload.sub, role, name: typeof payload.name === "string" ? payload.name : "", ...gen } };
  } catch (err) {
    return { ok: false, code: err instanceof errors.JWTExpired ? "AUTH_EXPIRED" : "AUTH_INVALID" };
  }
}

export interface LinkClaims {
  /** Storage key of the file. */
  key: string;
  /** File name offered to the browser (Chinese). */
  name: string;
}

/** A download link token naming a storage key, valid `ttlSeconds`. */
export async function issueLink(keys: Keys, claims: LinkClaims, ttlSeconds: number, now = Date.now()): Promise<{ token: string; expiresAt: string }> {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  const token = await new SignJWT({ k: claims.key, n: claims.name })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setAudience(DOWNLOAD_AUDIENCE)
    .setExpirationTime(exp)
    .sign(keys.download);
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Verify a download link token: LINK_INVALID for anything tampered, LINK_EXPIRED once past its expiry. */
export async function verifyLink(keys: Keys, token: string, now = Date.now()): Promise<{ ok: true; claims: LinkClaims } | { ok: false; code: "LINK_INVALID" | "LINK_EXPIRED" }> {
  try {
    const { payload } = await jwtVerify(token, keys.download, {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: DOWNLOAD_AUDIENCE,
      requiredClaims: ["exp"],
      currentDate: new Date(now),
      clockTolerance: 0,
    });
    if (typeof payload.k !== "string" || typeof payload.n !== "string") return { ok: false, code: "LINK_INVALID" };
    return { ok: true, claims: { key: payload.k, name: payload.n } };
  } catch (err) {
    return { ok: false, code: err instanceof errors.JWTExpired ? "LINK_EXPIRED" : "LINK_INVALID" };
  }
}
