// An independent verifier for Calibra credentials, using only the issuer's published keys and status list.
// Libraries: jose (JWS/JWT) and @digitalbazaar/vc-bitstring-status-list (status list decoding), both from npm.
//
//   node verify-offline.mjs <issuer base URL> <credential .jwt file> [jwks.json file]
//
// With a saved jwks.json the signature check needs no network at all; the status check fetches the list.
// Prints one JSON line: {"verified":true,...} or {"verified":false,"error":...}; exit code 0 / 1.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, jwtVerify, decodeProtectedHeader } from 'jose';
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list';

const [base, credentialFile, jwksFile] = process.argv.slice(2);
const issuer = `${base}/credentials/issuer`;
const options = { issuer, typ: 'JWT', algorithms: ['RS256', 'ES256', 'EdDSA'] };

async function main() {
  const jwks = jwksFile ? JSON.parse(readFileSync(jwksFile, 'utf8'))
    : await (await fetch(`${base}/.well-known/jwks.json`)).json();
  const keys = createLocalJWKSet(jwks);
  const jwt = readFileSync(credentialFile, 'utf8').trim();
  const header = decodeProtectedHeader(jwt);
  const { payload } = await jwtVerify(jwt, keys, options);
  if (!payload.type.includes('OpenBadgeCredential') || payload.jti !== payload.id || payload.iss !== payload.issuer.id) {
    throw new Error('not a consistent OpenBadgeCredential');
  }
  const status = payload.credentialStatus;
  const listJwt = await (await fetch(status.statusListCredential)).text();
  const { payload: list } = await jwtVerify(listJwt, keys, options);
  if (list.credentialSubject.statusPurpose !== status.statusPurpose) {
    throw new Error('the status list is for another purpose');
  }
  const bits = await decodeList({ encodedList: list.credentialSubject.encodedList });
  const revoked = bits.getStatus(Number(status.statusListIndex));
  const expired = payload.exp !== undefined && payload.exp * 1000 < Date.now();
  // the badge the (signed) achievement names: fetched as any badge displayer would, and checked to be a PNG
  const image = payload.credentialSubject.achievement.image;
  let badge = null;
  if (image?.id) {
    const response = await fetch(image.id);
    const bytes = new Uint8Array(await response.arrayBuffer());
    badge = { id: image.id, type: image.type, status: response.status, contentType: response.headers.get('content-type'),
      png: bytes.length > 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b) };
  }
  console.log(JSON.stringify({ verified: true, alg: header.alg, kid: header.kid, id: payload.id, holder: payload.credentialSubject.identifier?.[0]?.identityHash,
    achievement: payload.credentialSubject.achievement.name, revoked, expired, listLength: bits.length, badge }));
}

main().catch((e) => {
  console.log(JSON.stringify({ verified: false, error: e.code ?? e.name, message: e.message }));
  process.exit(1);
});
