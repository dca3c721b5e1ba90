import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Mustache from 'mustache';
import { ConfigError } from '../config/app-config.js';
import { MAIL_LOCALES, MAIL_TEMPLATES, type MailLocale, type MailTemplate } from './mail-template.js';

/** Longest subject the outbox stores (outbox_messages.subject is varchar(500)). */
export const MAX_SUBJECT_LENGTH = 500;

/** A template file read and checked: `Subject: …`, a blank line, then the body (both mustache). */
export interface ParsedMailTemplate {
  subject: string;
  body: string;
  /** Variables the template prints: each must be given (not null or undefined) to render. */
  required: string[];
  /** Sections ({{#note}}…{{/note}}, {{^note}}…{{/note}}): optional, rendered when truthy (or falsy). */
  optional: string[];
}

export interface RenderedMail {
  subject: string;
  text: string;
}

type Tokens = ReturnType<typeof Mustache.parse>;

const VARIABLE = /^[A-Za-z][A-Za-z0-9]*$/;

/** Plain-text mails: values are printed as they are, never HTML-escaped. */
const PLAIN_TEXT = { escape: (value: unknown) => String(value) };

/** Walks the mustache tokens: printed variables (outside a section of the same name) and section names. */
function collectNames(tokens: Tokens, enclosing: string[], required: Set<string>, optional: Set<string>): void {
  for (const token of tokens) {
    const [type, name] = token;
    if (type === 'name' || type === '&') {
      if (name === '.') continue;
      const root = name.split('.')[0];
      if (!VARIABLE.test(root)) throw new Error(`"{{${name}}}" is not a variable name (letters and digits)`);
      if (!enclosing.includes(root)) required.add(root);
    } else if (type === '#' || type === '^') {
      if (!VARIABLE.test(name)) throw new Error(`"{{${type}${name}}}" is not a section name (letters and digits)`);
      optional.add(name);
      collectNames(token[4] as Tokens, [...enclosing, name], required, optional);
    } else if (type === '>') {
      throw new Error(`partials ("{{>${name}}}") are not supported`);
    }
  }
}

/**
 * Reads the text of one template file; `where` names it in error messages. Throws a readable
 * Error when the file is not `Subject: …`, a blank line and a body, or is not valid mustache.
 */
export function parseMailTemplate(source: string, where: string): ParsedMailTemplate {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const subjectLine = /^Subject:[ \t]*(\S.*?)\s*$/.exec(lines[0] ?? '');
  if (!subjectLine) throw new ConfigError(`${where}: the first line must be "Subject: …" with a subject after it`);
  if (lines.length < 3 || lines[1].trim() !== '') throw new ConfigError(`${where}: the subject line must be followed by a blank line, then the body`);
  const body = lines.slice(2).join('\n').replace(/\s+$/, '\n');
  if (body.trim() === '') throw new ConfigError(`${where}: the body is empty`);
  const required = new Set<string>();
  const optional = new Set<string>();
  try {
    collectNames(Mustache.parse(subjectLine[1]), [], required, optional);
    collectNames(Mustache.parse(body), [], required, optional);
  } catch (error) {
    throw new ConfigError(`${where}: ${(error as Error).message}`);
  }
  return { subject: subjectLine[1], body, required: [...required].sort(), optional: [...optional].sort() };
}

function sameNames(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/** Fails with the template's name and the variable when the data cannot fill the template. */
function checkData(name: string, locale: MailLocale, template: ParsedMailTemplate, data: Record<string, unknown>): void {
  for (const key of template.required) {
    const value = Object.hasOwn(data, key) ? data[key] : undefined;
    if (value === undefined || value === null) {
      throw new Error(`Mail template "${name}" (${locale}) needs "${key}" in its data (it takes ${template.required.join(', ')})`);
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`Mail template "${name}" (${locale}): "${key}" must be a string or a number, got ${Array.isArray(value) ? 'an array' : typeof value}`);
    }
  }
}

function cleanSubject(subject: string): string {
  const oneLine = subject.replace(/\s+/g, ' ').trim();
  return oneLine.length <= MAX_SUBJECT_LENGTH ? oneLine : `${oneLine.slice(0, MAX_SUBJECT_LENGTH - 1).trimEnd()}…`;
}

function cleanBody(text: string): string {
  return `${text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/**
 * Every mail template in every locale, read once (at start-up) from a folder laid out as
 * `<dir>/<locale>/<template>.txt`. Rendering checks the data against what the template prints.
 */
export class MailTemplates {
  private constructor(private readonly templates: ReadonlyMap<string, ParsedMailTemplate>) {}

  /**
   * Reads and checks every template of MAIL_TEMPLATES in every locale. Throws a ConfigError naming
   * the file when one is missing or malformed, or when its French and English versions do not
   * take the same data.
   */
  static load(dir: string): MailTemplates {
    const templates = new Map<string, ParsedMailTemplate>();
    for (const name of MAIL_TEMPLATES) {
      for (const locale of MAIL_LOCALES) {
        const file = join(dir, locale, `${name}.txt`);
        const shown = relative(process.cwd(), file) || file;
        let source: string;
        try {
          source = readFileSync(file, 'utf8');
        } catch (error) {
          const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read (${(error as Error).message})`;
          throw new ConfigError(`mail template ${shown} ${reason}: every template of src/mail/mail-template.ts needs a file per locale under ${dir} (start the server from the project root)`);
        }
        templates.set(`${locale}/${name}`, parseMailTemplate(source, `mail template ${shown}`));
      }
      const [first, ...others] = MAIL_LOCALES.map((locale) => templates.get(`${locale}/${name}`) as ParsedMailTemplate);
      for (const [i, other] of others.entries()) {
        if (!sameNames(first.required, other.required) || !sameNames(first.optional, other.optional)) {
          throw new ConfigError(
            `mail template "${name}": ${MAIL_LOCALES[0]} and ${MAIL_LOCALES[i + 1]} take different data ` +
              `(${first.required.join(', ')} / ${other.required.join(', ')}; optional ${first.optional.join(', ') || 'none'} / ${other.optional.join(', ') || 'none'})`,
          );
        }
      }
    }
    return new MailTemplates(templates);
  }

  /** What a template prints (required) and tests in sections (optional). */
  variables(name: MailTemplate): { required: string[]; optional: string[] } {
    const template = this.get(name, MAIL_LOCALES[0]);
    return { required: [...template.required], optional: [...template.optional] };
  }

  /**
   * Renders one mail. An unknown template or locale, or a printed variable missing from the data,
   * is a programming error: it throws. Values are printed as plain text; the subject is one line
   * (at most 500 characters); blank lines left by empty sections are collapsed.
   */
  render(name: MailTemplate, locale: MailLocale, data: Record<string, unknown>): RenderedMail {
    const template = this.get(name, locale);
    checkData(name, locale, template, data);
    return {
      subject: cleanSubject(Mustache.render(template.subject, data, {}, PLAIN_TEXT)),
      text: cleanBody(Mustache.render(template.body, data, {}, PLAIN_TEXT)),
    };
  }

  private get(name: string, locale: string): ParsedMailTemplate {
    if (!(MAIL_TEMPLATES as readonly string[]).includes(name)) throw new Error(`Unknown mail template "${name}" (known: ${MAIL_TEMPLATES.join(', ')})`);
    if (!(MAIL_LOCALES as readonly string[]).includes(locale)) throw new Error(`Unknown mail locale "${locale}" (known: ${MAIL_LOCALES.join(', ')})`);
    return this.templates.get(`${locale}/${name}`) as ParsedMailTemplate;
  }
}
