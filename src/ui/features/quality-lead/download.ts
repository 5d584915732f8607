/** Saves text as a file through the browser's download (no server round trip; nothing leaves the computer). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

/** A file name safe on every system: `equity-lens-disparities-cms165-race-2026.csv`. */
export function fileName(parts: readonly (string | number)[], extension: string): string {
  const stem = ['equity-lens', ...parts]
    .map((p) =>
      String(p)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter((p) => p !== '')
    .join('-');
  return `${stem}.${extension}`;
}
