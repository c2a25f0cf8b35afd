import { hasUnsafeChars } from '../lib/plain-text.ts';
import type { CommentMessages } from './messages.ts';

/** Longest accepted values, in characters. */
export const LIMITS = { body: 5000, name: 60, email: 254, website: 200 } as const;

export type Field = 'body' | 'name' | 'email' | 'website' | 'parent';
export type FieldErrors = Partial<Record<Field, string>>;
/** What the reader typed, kept for the form when it is shown again. */
export type FormValues = Partial<
  Record<'body' | 'name' | 'email' | 'website' | 'parent' | 'notify', string>
>;

/** The form's field names; the honeypot looks like a real field to a bot. */
export const FIELD_NAMES = {
  token: '_token',
  honeypot: 'telepon',
  captcha: 'altcha',
} as const;

export interface CommentInput {
  body: string;
  name: string;
  email: string;
  website: string;
  parentId: number | null;
  notify: boolean;
  token: string;
  honeypot: string;
  captcha: string;
}

// biome-ignore lint/suspicious/noMisleadingCharacterClass: a list of single invisible code points
const INVISIBLE = /[\s\u00AD\u034F\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]/g;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

const length = (s: string) => [...s].length;

/**
 * Parses the posted form (urlencoded or JSON) field by field: every problem is
 * reported next to its field in the reader's language, and everything typed
 * is kept. Anything that is not a string where text is expected is refused;
 * unknown fields (e.g. `status=approved`) are ignored.
 */
export function parseCommentForm(
  raw: unknown,
  m: CommentMessages,
):
  | { ok: true; input: CommentInput; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues } {
  const errors: FieldErrors = {};
  const values: FormValues = {};
  const obj =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  if (obj !== raw) errors.body = m.field.notText;
  const text = (key: string, field?: Field): string => {
    const v = obj[key];
    if (v === undefined) return '';
    if (typeof v !== 'string') {
      if (field) errors[field] ??= m.field.notText;
      return '';
    }
    return v;
  };
  const checkChars = (field: Field, v: string) => {
    if (v.includes('\uFFFD')) errors[field] ??= m.field.badEncoding;
    else if (hasUnsafeChars(v)) errors[field] ??= m.field.controlChars;
  };

  const body = text('body', 'body').replace(/\r\n?/g, '\n');
  values.body = body;
  checkChars('body', body);
  const bodyTrim = body.trim();
  if (!errors.body) {
    if (bodyTrim.replace(INVISIBLE, '') === '') errors.body = m.field.bodyRequired;
    else if (length(bodyTrim) > LIMITS.body) errors.body = m.field.bodyTooLong(LIMITS.body);
  }

  const name = text('name', 'name');
  values.name = name;
  if (/[\r\n]/.test(name)) errors.name ??= m.field.nameLineBreak;
  checkChars('name', name);
  const nameTrim = name.trim();
  if (!errors.name) {
    if (nameTrim.replace(INVISIBLE, '') === '') errors.name = m.field.nameRequired;
    else if (length(nameTrim) > LIMITS.name) errors.name = m.field.nameTooLong(LIMITS.name);
  }

  const email = text('email', 'email');
  values.email = email;
  checkChars('email', email);
  const emailTrim = email.trim();
  if (!errors.email) {
    if (emailTrim === '') errors.email = m.field.emailRequired;
    else if (length(emailTrim) > LIMITS.email) errors.email = m.field.emailTooLong(LIMITS.email);
    else if (!EMAIL.test(emailTrim)) errors.email = m.field.emailInvalid;
  }

  const website = text('website', 'website');
  values.website = website;
  checkChars('website', website);
  const websiteTrim = website.trim();
  if (!errors.website && websiteTrim !== '') {
    if (length(websiteTrim) > LIMITS.website)
      errors.website = m.field.websiteTooLong(LIMITS.website);
    else if (!isHttpUrl(websiteTrim)) errors.website = m.field.websiteInvalid;
  }

  const parent = text('parent', 'parent').trim();
  values.parent = parent;
  let parentId: number | null = null;
  if (parent !== '' && !errors.parent) {
    if (/^[1-9]\d{0,9}$/.test(parent)) parentId = Number(parent);
    else errors.parent = m.field.parent;
  }
  const notifyRaw = obj.notify;
  const notify = notifyRaw === '1' || notifyRaw === 'on' || notifyRaw === true;
  values.notify = notify ? '1' : '';

  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  const str = (key: string) => (typeof obj[key] === 'string' ? (obj[key] as string) : '');
  return {
    ok: true,
    values,
    input: {
      body: bodyTrim,
      name: nameTrim,
      email: emailTrim,
      website: websiteTrim,
      parentId,
      notify,
      token: str(FIELD_NAMES.token),
      honeypot: str(FIELD_NAMES.honeypot),
      captcha: str(FIELD_NAMES.captcha),
    },
  };
}

/** An absolute http(s) URL with a host, nothing else (no javascript:, data:, relative paths). */
export function isHttpUrl(v: string): boolean {
  if (!/^https?:\/\/[^\s<>"'`\\]+$/i.test(v)) return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}
