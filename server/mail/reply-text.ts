/**
 * What a member wrote in a reply by mail, without what their mail client added: the quoted message
 * ("On … wrote:" and the `>` lines after it, in the four languages and the common clients), the
 * signature (after "-- "), "Sent from my phone" lines and Outlook's "-----Original Message-----".
 * Markdown in what they wrote is kept as written.
 */
const QUOTE_HEADERS = [
  /^On .{3,200}(wrote|a écrit|escribió):?\s*$/i, // Gmail, Apple Mail (English and clients that mix)
  /^Le .{3,200}a écrit\s*:?\s*$/i,
  /^El .{3,200}escribió\s*:?\s*$/i,
  /^في .{3,200}كتب.*:?\s*$/,
  /^-{2,}\s*(Original Message|Message d'origine|Mensaje original)\s*-{2,}$/i,
  /^_{10,}$/, // Outlook's rule before From:/Sent:
  /^From: .+$/, // a forwarded or Outlook-quoted header block
];
const SIGNATURE = /^-- ?$/;
const SENT_FROM = /^(Sent from my|Envoyé de mon|Enviado desde mi|أُرسلت من)\b/i;

export function replyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (SIGNATURE.test(line) || QUOTE_HEADERS.some((pattern) => pattern.test(trimmed))) break;
    if (SENT_FROM.test(trimmed)) continue;
    kept.push(line);
  }
  // Quoted lines interleaved at the end (bottom-posting clients) go too.
  while (kept.length > 0 && (kept.at(-1)?.trim() === '' || kept.at(-1)?.startsWith('>'))) kept.pop();
  return kept.join('\n').trim();
}
