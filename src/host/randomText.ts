/**
 * Random identifiers from the Web Crypto API, which both extension hosts have (Node's global
 * `crypto` and a browser's web worker), so that no Node module is needed for them.
 */
function randomBytes(count: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(count));
}

/** `count` random bytes as lower-case hexadecimal (two digits a byte). */
export function randomHex(count: number): string {
  return [...randomBytes(count)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `count` random bytes in base64 (a CSP nonce). */
export function randomBase64(count: number): string {
  return btoa(String.fromCharCode(...randomBytes(count)));
}

/** `count` random bytes in base64url without padding (safe in file names and keys). */
export function randomBase64Url(count: number): string {
  return randomBase64(count).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
