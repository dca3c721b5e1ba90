import { PartialType } from '@nestjs/swagger';
import { CreateSubmissionTypeDto } from './create-submission-type.dto.js';

/** Any fields of a submission type; null clears nameEn and is refused for the others. */
export class UpdateSubmissionTypeDto extends PartialType(CreateSubmissionTypeDto, { skipNullProperties: false }) {}
