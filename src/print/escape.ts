import { sanitize, sanitizeMultiline } from '../domain/text.ts';

/** Text for HTML: sanitised, then every character that could open markup escaped. */
export const html = (raw: string | undefined): string =>
  sanitize(raw ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const htmlMultiline = (raw: string | undefined): string =>
  sanitizeMultiline(raw ?? '')
    .split('\n')
    .map((l) => html(l))
    .join('<br>');

/**
 * Text for Markdown: sanitised; emphasis, code, link and table characters backslash-escaped;
 * `&`, `<` and `>` as entities so no HTML survives a renderer.
 */
export const md = (raw: string | undefined): string =>
  sanitize(raw ?? '')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** Text for a plain-text page: sanitised (no escape sequence reaches a printer or terminal). */
export const txt = (raw: string | undefined): string => sanitize(raw ?? '');

/**
 * One CSV field per RFC 4180, made safe for spreadsheets: a leading = + - @ (or tab, CR) would be
 * run as a formula, so such a field gets a leading apostrophe; quotes double; fields with a comma,
 * quote or line break are quoted.
 */
export function csvField(raw: string | number | boolean | null | undefined): string {
  if (raw === null || raw === undefined) return '';
  // Line breaks survive (quoted, per RFC 4180); escape sequences and control characters do not.
  let s = typeof raw === 'string' ? sanitizeMultiline(raw) : String(raw);
  if (typeof raw === 'string' && /^[=+\-@\t]/.test(s)) s = `'${s}`;
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (fields: (string | number | boolean | null | undefined)[]): string => `${fields.map(csvField).join(',')}\r\n`;
