import { describe, expect, it } from 'vitest';
import { AppError, ERRORS, toAppError } from './errors.ts';
import { API_ERRORS } from './errors-api.ts';
import { COMMENT_ERRORS } from './errors-comments.ts';
import { HTTP_ERRORS } from './errors-http.ts';
import { MEDIA_ERRORS } from './errors-media.ts';
import { SITE_ADMIN_ERRORS, STAFF_ERRORS, WIRE_ERRORS, WRITING_ERRORS } from './errors-newsroom.ts';

const AREAS = {
  HTTP_ERRORS,
  STAFF_ERRORS,
  WRITING_ERRORS,
  COMMENT_ERRORS,
  MEDIA_ERRORS,
  WIRE_ERRORS,
  API_ERRORS,
  SITE_ADMIN_ERRORS,
};

describe('the error catalog', () => {
  it('defines each code in one area only (a repeated code would silently win the spread)', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const [area, entries] of Object.entries(AREAS)) {
      for (const code of Object.keys(entries)) {
        if (seen.has(code)) repeated.push(`${code} in ${seen.get(code)} and ${area}`);
        seen.set(code, area);
      }
    }
    expect(repeated).toEqual([]);
    expect(Object.keys(ERRORS).length).toBe(seen.size);
  });

  it('gives every code an error status and a message in both languages', () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      expect(e.status, code).toBeGreaterThanOrEqual(400);
      expect(e.status, code).toBeLessThan(600);
      expect(e.id.trim(), code).not.toBe('');
      expect(e.en.trim(), code).not.toBe('');
      expect(e.id, code).not.toBe(e.en);
    }
  });

  it('turns a framework status into its catalog error and anything else into a 500', () => {
    expect(toAppError({ statusCode: 414 }).code).toBe('URL_TOO_LONG');
    expect(toAppError({ statusCode: 418 }).code).toBe('BAD_REQUEST');
    const internal = toAppError(new Error('SQLITE_BUSY: select * from users'));
    expect(internal.status).toBe(500);
    expect(internal.messageIn('id')).not.toContain('SQLITE');
    const own = new AppError('NOT_FOUND');
    expect(toAppError(own)).toBe(own);
  });
});
