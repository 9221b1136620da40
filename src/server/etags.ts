/**
 * Strong validators for the files of a built site. Each file's ETag is a digest of its bytes, so
 * it names one exact representation (a page, its brotli copy and its gzip copy are three files with
 * three tags) and it stays the same when a rebuild writes the same bytes: a browser that revalidates
 * a page after a new release gets 304 for every page the release did not change. The tags sirv
 * makes from size and modification time (weak, `W/"…"`) change with every build.
 */
import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What identifies a file on disk: the same inode, size and modification time. */
type FileIdentity = Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>;

const identity = (stats: FileIdentity) => `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;

/** Files hashed at once: enough to keep the disk busy, few enough to leave file handles. */
const CONCURRENCY = 16;

function digest(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('base64url').slice(0, 22)));
  });
}

/**
 * The strong ETag of every file below `dir`, looked up by the file's stats (those sirv read when
 * it listed the folder). Files are read as streams, a few at a time, so a large site does not
 * hold the event loop. A file written after this ran has no tag (and is sent without one).
 */
export async function strongEtags(dir: string): Promise<(stats: FileIdentity) => string | undefined> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const tags = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      const [stats, hash] = await Promise.all([stat(file), digest(file)]);
      tags.set(identity(stats), `"${hash}"`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return (stats) => tags.get(identity(stats));
}
