import { Injectable, type OnModuleInit } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ConfigError } from '../config/app-config.js';
import { DomainError } from '../common/errors/domain-error.js';
import { BadgeTemplateError, validateBadgeTemplate, type BadgeTemplate } from './badge-template.js';

/** Where the badge templates are read from at start-up: templates/badges under the directory the server runs in. */
export function badgeTemplatesDir(): string {
  return resolve(process.cwd(), 'templates', 'badges');
}

/** The default template of an event of this kind: the ceremony badge for a ceremony, else the colloquium's. */
export const DEFAULT_TEMPLATE_BY_KIND: Record<string, string> = { ceremony: 'ceremony' };
export const DEFAULT_TEMPLATE = 'colloquium';

/**
 * Every badge template (templates/badges/*.json), read and validated once at start-up: a file that
 * does not parse or validate stops the start with its name and the field in error.
 */
@Injectable()
export class BadgeTemplates implements OnModuleInit {
  private templates = new Map<string, BadgeTemplate>();
  /** Image files named by templates, read once. */
  private files = new Map<string, Buffer>();

  onModuleInit(): void {
    this.load(badgeTemplatesDir());
  }

  load(dir: string): void {
    let names: string[];
    try {
      names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    } catch (error) {
      throw new ConfigError(`badge templates: cannot read ${dir} (${(error as Error).message}); start the server from the project root`);
    }
    if (names.length === 0) throw new ConfigError(`badge templates: no .json file in ${dir}`);
    const templates = new Map<string, BadgeTemplate>();
    const files = new Map<string, Buffer>();
    for (const name of names) {
      const path = join(dir, name);
      const shown = relative(process.cwd(), path) || path;
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new ConfigError(`badge template ${shown}: not valid JSON (${(error as Error).message})`);
      }
      try {
        const template = validateBadgeTemplate(shown, json, (file) => existsSync(join(dir, file)));
        for (const el of [...template.front, ...(template.back ?? [])]) if (el.type === 'image') files.set(el.file, readFileSync(join(dir, el.file)));
        templates.set(template.name, template);
      } catch (error) {
        if (error instanceof BadgeTemplateError) throw new ConfigError(error.message);
        throw error;
      }
    }
    if (!templates.has(DEFAULT_TEMPLATE)) throw new ConfigError(`badge templates: ${DEFAULT_TEMPLATE}.json (the default) is missing in ${dir}`);
    this.templates = templates;
    this.files = files;
  }

  all(): BadgeTemplate[] {
    return [...this.templates.values()];
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  /** The template, or 422 UNKNOWN_BADGE_TEMPLATE naming the ones that exist. */
  get(name: string): BadgeTemplate {
    const t = this.templates.get(name);
    if (!t) throw new DomainError(422, 'UNKNOWN_BADGE_TEMPLATE', `Unknown badge template "${name.slice(0, 60)}"`, { templates: [...this.templates.keys()] });
    return t;
  }

  /** The default of an event of this kind. */
  defaultFor(eventKind: string): string {
    const name = DEFAULT_TEMPLATE_BY_KIND[eventKind];
    return name && this.templates.has(name) ? name : DEFAULT_TEMPLATE;
  }

  imageFiles(): ReadonlyMap<string, Buffer> {
    return this.files;
  }
}
