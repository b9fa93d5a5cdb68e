/**
 * Saves generated text as a file through a Blob URL: no request, so it works offline and never puts
 * personal data in a URL a server could log.
 */
export function downloadText(content: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // Revoked on the next task: the click has been handed to the download manager by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
