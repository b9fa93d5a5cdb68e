/**
 * vCard 4.0 (RFC 6350) for a member profile, with EXPERTISE and INTEREST from RFC 6715.
 *
 * Built in the browser from the profile the viewer was allowed to see, so it can never leak a contact
 * channel the server withheld: the server filters channels by visibility before they reach us.
 */

/** The parts of a member profile a vCard needs; the API's MemberProfile satisfies it structurally. */
export interface VCardMember {
  id: string;
  name: string;
  practice?: string | null;
  organisation?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
  /** BCP 47 tags, most fluent first. */
  languages?: readonly string[] | null;
  /** IANA zone. */
  timeZone?: string | null;
  bio?: string | null;
  avatarUrl?: string | null;
  skills?: readonly { label: string; level: number }[] | null;
  interests?: readonly { label: string }[] | null;
  contacts?: readonly { kind: string; value: string }[] | null;
}

export interface VCardOptions {
  /** Localised country name for ADR (the country code travels in the CC parameter, RFC 8605). */
  countryName?: string;
  /** Stable identifier of the member, e.g. the profile's API URL, for UID. */
  uid?: string;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

/** Escapes a TEXT value (RFC 6350 §3.4): backslash, comma, semicolon and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 6350 §3.2): continuation lines start with one space, which
 * counts towards their 75. Folding happens between code points so a multi-byte UTF-8 character (Arabic
 * names, accents) is never split, which vCard readers would otherwise decode as garbage.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    if (currentOctets + octets > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      currentOctets = 1;
    }
    current += char;
    currentOctets += octets;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/**
 * A URI-valued property's value. URIs are not TEXT, so they are not escaped, but a control character
 * (a line break above all) would end the content line and let the value inject properties of its own.
 */
export function uriValue(value: string): string {
  return value.replace(/\p{Cc}/gu, '');
}

/**
 * The structured name (N, RFC 6350 §6.2.2), which vCard 3 readers and several address books require.
 * We hold one display name, so the last word is taken as the family name, as most address books do
 * when they import a name without structure; a one-word name is all family name.
 */
function structuredName(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const family = words.length > 1 ? words.slice(-1) : words;
  const given = words.length > 1 ? words.slice(0, -1) : [];
  return `N:${escapeText(family.join(' '))};${escapeText(given.join(' '))};;;`;
}

/** RFC 6715 knows three expertise levels; our four self-declared levels map onto them. */
function expertiseLevel(level: number): 'beginner' | 'average' | 'expert' {
  if (level >= 4) return 'expert';
  if (level >= 2) return 'average';
  return 'beginner';
}

function contactLine(kind: string, rawValue: string): string | undefined {
  const value = kind === 'email' ? rawValue : uriValue(rawValue);
  switch (kind) {
    case 'email':
      return `EMAIL:${escapeText(value)}`;
    case 'phone':
      return `TEL;VALUE=uri:tel:${value.replace(/[^\d+]/g, '')}`;
    case 'website':
    case 'linkedin':
      // URIs are not TEXT: escaping their commas would corrupt them.
      return /^https?:\/\//i.test(value) ? `URL;TYPE=${kind === 'linkedin' ? 'linkedin' : 'home'}:${value}` : undefined;
    case 'chat':
      return /^[a-z][a-z0-9+.-]*:/i.test(value) ? `IMPP:${value}` : `NOTE:${escapeText(`Chat: ${value}`)}`;
    default:
      return undefined;
  }
}

/** Returns the vCard as a string with CRLF line endings, every line folded. */
export function buildVCard(member: VCardMember, options: VCardOptions = {}): string {
  const lines: (string | undefined)[] = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'KIND:individual',
    `FN:${escapeText(member.name)}`,
    structuredName(member.name),
    options.uid ? `UID:${uriValue(options.uid)}` : undefined,
    member.organisation ? `ORG:${escapeText(member.organisation)}` : undefined,
    member.practice ? `TITLE:${escapeText(member.practice)}` : undefined,
    member.country && /^[A-Za-z]{2}$/.test(member.country)
      ? `ADR;CC=${member.country}:;;;;;;${escapeText(options.countryName ?? member.country)}`
      : undefined,
    member.timeZone ? `TZ:${escapeText(member.timeZone)}` : undefined,
    ...(member.languages ?? []).map((tag, index) => `LANG;PREF=${String(index + 1)}:${uriValue(tag)}`),
    member.avatarUrl && /^https?:\/\//i.test(member.avatarUrl) ? `PHOTO:${uriValue(member.avatarUrl)}` : undefined,
    ...(member.contacts ?? []).map((contact) => contactLine(contact.kind, contact.value)),
    ...(member.skills ?? []).map((skill) => `EXPERTISE;LEVEL=${expertiseLevel(skill.level)}:${escapeText(skill.label)}`),
    ...(member.interests ?? []).map((interest) => `INTEREST:${escapeText(interest.label)}`),
    member.bio ? `NOTE:${escapeText(member.bio)}` : undefined,
    'END:VCARD',
  ];
  return (
    lines
      .filter((line): line is string => line !== undefined)
      .map(foldLine)
      .join(CRLF) + CRLF
  );
}

/** A file name safe on every OS, from the member's name. */
export function vCardFileName(name: string): string {
  const safe = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '')
    .trim();
  return `${safe || 'contact'}.vcf`;
}
