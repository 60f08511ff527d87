/**
 * The shared bundles' stand-in for Node's global `Buffer` (injected by esbuild; the Node host runs
 * these bundles too, where the stand-in serves just as well): a web worker has none, and
 * csv-stringify touches it at load (a BOM it builds, which the export never asks for: it writes its
 * own) and asks `Buffer.isBuffer` of its options, which are strings here.
 */
export const Buffer = {
  isBuffer: (_value: unknown): boolean => false,
  from: (bytes: ArrayLike<number>): Uint8Array => Uint8Array.from(bytes),
};
