import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { parseInseeCode, parseLabelYear } from './delegate-rules.js';

function invalidParam(field: string, message: string): DomainError {
  return new DomainError(400, 'VALIDATION_FAILED', message, { errors: [{ field, errors: [message] }] });
}

/**
 * `:year` of /api/labels/:year/…: a year 1990–2100 (400 otherwise). The global ValidationPipe has
 * already turned the path segment into a number (the parameter is typed number), NaN for anything
 * that is not one; a string is read as four digits.
 */
@Injectable()
export class LabelYearPipe implements PipeTransform<string | number, number> {
  transform(value: string | number): number {
    const year = typeof value === 'number' ? (Number.isInteger(value) && value >= 1990 && value <= 2100 ? value : null) : parseLabelYear(value);
    if (year === null) throw invalidParam('year', 'year must be a label year such as 2012');
    return year;
  }
}

/** `:insee`: an INSEE commune code (Corsica's 2A/2B in either case; 400 otherwise). */
@Injectable()
export class InseeCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const code = parseInseeCode(value);
    if (code === null) throw invalidParam('insee', 'insee must be an INSEE town code such as 92040 or 2A004');
    return code;
  }
}
