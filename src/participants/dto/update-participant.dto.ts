import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, ValidateIf } from 'class-validator';
import { LABEL_FORMS, type LabelForm } from '../participant-category.js';
import { CreateParticipantDto } from './create-participant.dto.js';

/**
 * Any field of a participant; `partIds` is the whole set of parts wanted: seats in parts left out
 * are released and parts added are requested, in one transaction (a move is one PATCH).
 */
export class UpdateParticipantDto extends PartialType(OmitType(CreateParticipantDto, ['labelForm'] as const)) {
  // declared again: PartialType would let null through to a column that has no null (absent keeps it, null is refused)
  @ApiPropertyOptional({ enum: LABEL_FORMS, description: 'Form of the role word on the badge in French (neutral, feminine, masculine)' })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(LABEL_FORMS)
  labelForm?: LabelForm;

  @ApiPropertyOptional({ description: 'true re-registers a cancelled participant (their parts are asked for again with partIds)' })
  @IsOptional()
  @IsBoolean()
  registered?: boolean;
}
