import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PlainText, TrimToNull } from '../../common/validation/text.js';

/** When a speaker cannot attend: wall-clock times in the event's time zone, or with an offset. */
export class CreateUnavailabilityDto {
  @ApiProperty({ example: '2012-02-06T14:00', description: 'In the event’s time zone (2012-02-06T14:00) or with an offset' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  startsAt!: string;

  @ApiProperty({ example: '2012-02-06T16:30', description: 'After startsAt; within the event' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  endsAt!: string;

  @ApiPropertyOptional({ example: 'Cours à l’université', maxLength: 500, nullable: true, type: String })
  @TrimToNull()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @PlainText()
  note?: string | null;
}
