import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import { ParticipantFieldsDto } from './participant-fields.dto.js';

/** A participant created by an organiser, with the parts to admit them to. */
export class CreateParticipantDto extends ParticipantFieldsDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Parts of the event to admit the person to (whatever the part’s rule; waiting list when full)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  partIds?: string[];
}
