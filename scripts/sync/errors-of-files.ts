import { FileError } from '../../src/file-error.ts';
import { SyncError } from './errors.ts';

/** Runs a reader of a project file (src/), its `FileError` reported as the sync's own. */
export function asSyncError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FileError) throw new SyncError(error.where, error.problem, error.fix);
    throw error;
  }
}
