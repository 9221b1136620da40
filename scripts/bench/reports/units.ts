// Decimal units, as the targets are stated ("dist/ under 60 MB"): 1 MB = 1,000,000 bytes.
// They read a little larger than binary MiB figures (77.0 MiB = 80.7 MB).

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1e3).toFixed(1)} KB`;
}
