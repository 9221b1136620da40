/**
 * A project file the build or the sync cannot use: where (file, line or JSON path), what is
 * wrong, and how to fix it. The sync reports it as its own (`SyncError`), the build as it is.
 */
export class FileError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${where}: ${problem}. Fix: ${fix}.`);
    this.name = 'FileError';
  }
}
