import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateParticipantDto } from './create-participant.dto.js';

/**
 * Any field of a participant; `partIds` is the whole set of parts wanted: seats in parts left out
 * are released and parts added are requested, in one transaction (a move is one PATCH).
 */
export class UpdateParticipantDto extends PartialType(CreateParticipantDto) {
  @ApiPropertyOptional({ description: 'true re-registers a cancelled participant (their parts are asked for again with partIds)' })
  @IsOptional()
  @IsBoolean()
  registered?: boolean;
}
