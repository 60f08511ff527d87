/** The entries of a zip file (a `.vsix` is one) with the bytes each takes in it, from its central directory. */
import { readFileSync } from 'node:fs';

export interface ZipEntry {
  readonly name: string;
  /** The entry's bytes in the file: its local header, name and compressed data. */
  readonly storedBytes: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

export function zipEntries(file: string): ZipEntry[] {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_DIRECTORY) {
    end--;
  }
  if (end < 0) {
    throw new Error(`${file} is not a zip file`);
  }
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== DIRECTORY_ENTRY) {
      throw new Error(`${file}: damaged central directory`);
    }
    const compressed = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, storedBytes: 30 + nameLength + compressed });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
