import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as tar from 'tar';
import {
  fingerprint,
  listFiles,
  MANIFEST,
  type Manifest,
  type ManifestFile,
  manifestSchema,
} from './manifest.ts';
import { BackupError, type BackupMessages } from './messages.ts';

/**
 * The archive: a gzipped tar of a staging folder that holds `manifest.json`
 * and the files it lists. Written under a temporary name and renamed, so a
 * half-written backup never carries the final name.
 */
export async function writeArchive(staging: string, files: string[], out: string): Promise<void> {
  const temp = `${out}.partial`;
  try {
    await tar.create({ gzip: true, portable: true, cwd: staging, file: temp }, [
      MANIFEST,
      ...files,
    ]);
    await rename(temp, out);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/**
 * Unpacks an archive into an empty staging folder and checks it completely
 * before anyone uses it: only plain files and folders, a valid manifest, every
 * listed file present with its size and SHA-256, and nothing unlisted. A
 * damaged archive (a flipped byte breaks gzip's CRC or a checksum) is refused
 * with the reason; nothing outside the staging folder has been touched.
 */
export async function unpackAndVerify(
  t: BackupMessages,
  file: string,
  staging: string,
): Promise<Manifest> {
  const odd: string[] = [];
  try {
    await tar.extract({
      file,
      cwd: staging,
      strict: true,
      filter: (path, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        const ok = type === 'File' || type === 'OldFile' || type === 'Directory';
        if (!ok) odd.push(`${path} (${type})`);
        return ok;
      },
    });
  } catch (err) {
    throw new BackupError(t.restore.corrupt((err as Error).message), err);
  }
  if (odd.length) throw new BackupError(t.restore.corrupt(odd.join(', ')));
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(await readFile(join(staging, MANIFEST), 'utf8')));
  } catch (err) {
    throw new BackupError(t.restore.corrupt(`${MANIFEST}: ${(err as Error).message}`), err);
  }
  await verifyFiles(t, staging, manifest.files);
  if (!manifest.files.some((f) => f.path === manifest.database.file)) {
    throw new BackupError(t.restore.missingFile(manifest.database.file));
  }
  return manifest;
}

async function verifyFiles(t: BackupMessages, staging: string, files: ManifestFile[]) {
  const present = new Set((await listFiles(staging)).filter((p) => p !== MANIFEST));
  for (const f of files) {
    if (!present.delete(f.path)) throw new BackupError(t.restore.missingFile(f.path));
    const got = await fingerprint(join(staging, f.path));
    if (got.sha256 !== f.sha256 || got.bytes !== f.bytes) {
      throw new BackupError(t.restore.badChecksum(f.path));
    }
  }
  const [extra] = present;
  if (extra !== undefined) throw new BackupError(t.restore.extraFile(extra));
}
