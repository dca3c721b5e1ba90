import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error.js';
import { parseInseeCode } from './delegate-rules.js';

function invalidParam(field: string, message: string): DomainError {
  return new DomainError(400, 'VALIDATION_FAILED', message, { errors: [{ field, errors: [message] }] });
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
