import type { CallLanguage } from '../cfp/call-language.js';
import { validationFailed } from '../common/errors/domain-error.js';

/** The text of a proposal, as it would be stored. */
export interface SubmissionContent {
  titleFr: string | null;
  titleEn: string | null;
  abstractFr: string | null;
  abstractEn: string | null;
}

/** What the call asks of the text. */
export interface ContentRules {
  languages: readonly CallLanguage[];
  maxAbstractLength: number;
}

export interface FieldProblem {
  field: string;
  errors: string[];
}

/** Length in characters as a person counts them (code points, so « é » or an emoji is one). */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * What is wrong with the text of a proposal under the call's rules: each language given must be
 * complete (title and abstract) and accepted by the call, at least one language must be complete,
 * and abstracts stay within the call's length. Empty when all is well.
 */
export function contentProblems(content: SubmissionContent, rules: ContentRules): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const languages = [
    { code: 'fr' as const, title: content.titleFr, abstract: content.abstractFr, suffix: 'Fr', name: 'French' },
    { code: 'en' as const, title: content.titleEn, abstract: content.abstractEn, suffix: 'En', name: 'English' },
  ];
  for (const l of languages) {
    const given = l.title !== null || l.abstract !== null;
    if (!given) continue;
    if (!rules.languages.includes(l.code)) {
      problems.push({ field: `title${l.suffix}`, errors: [`The call accepts proposals in ${rules.languages.join(', ')} only, not in ${l.name}`] });
      continue;
    }
    if (l.title === null) problems.push({ field: `title${l.suffix}`, errors: [`title${l.suffix} is needed with abstract${l.suffix}`] });
    if (l.abstract === null) problems.push({ field: `abstract${l.suffix}`, errors: [`abstract${l.suffix} is needed with title${l.suffix}`] });
    if (l.abstract !== null && characterCount(l.abstract) > rules.maxAbstractLength) {
      problems.push({
        field: `abstract${l.suffix}`,
        errors: [`abstract${l.suffix} has ${characterCount(l.abstract)} characters; the call allows at most ${rules.maxAbstractLength}`],
      });
    }
  }
  const accepted = languages.filter((l) => rules.languages.includes(l.code));
  if (!accepted.some((l) => l.title !== null && l.abstract !== null)) {
    const wanted = accepted.map((l) => `title${l.suffix} and abstract${l.suffix}`).join(', or ');
    problems.push({ field: `title${accepted[0]?.suffix ?? 'Fr'}`, errors: [`Give the title and abstract in at least one language the call accepts (${wanted})`] });
  }
  return problems;
}

/** Throws 422 with the field problems when the text breaks the call's rules. */
export function assertContent(content: SubmissionContent, rules: ContentRules): void {
  const problems = contentProblems(content, rules);
  if (problems.length) throw validationFailed('The proposal does not meet the call for papers', { errors: problems });
}

/** Empty or blank text is no text. */
export function textOrNull(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Emails trimmed, lower-cased (as accounts store them) and de-duplicated. */
export function normaliseEmails(emails: readonly string[] | null | undefined): string[] {
  return [...new Set((emails ?? []).map((email) => email.trim().toLowerCase()))];
}
