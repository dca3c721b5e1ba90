import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';
import { FIRST_LABEL_YEAR, LAST_LABEL_YEAR } from './dto/label-year.dto.js';

/** The :year of a route: four digits within the label's possible years, else 400. */
@Injectable()
export class LabelYearPipe implements PipeTransform<unknown, number> {
  /** The global ValidationPipe may already have made a number of it. */
  transform(value: unknown): number {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !/^\d{4}$/.test(text)) {
      throw new DomainError(400, 'VALIDATION_FAILED', 'The year must be four digits, like 2012');
    }
    const year = Number(text);
    if (year < FIRST_LABEL_YEAR || year > LAST_LABEL_YEAR) {
      throw new DomainError(400, 'VALIDATION_FAILED', `The year must be between ${FIRST_LABEL_YEAR} and ${LAST_LABEL_YEAR}`);
    }
    return year;
  }
}
