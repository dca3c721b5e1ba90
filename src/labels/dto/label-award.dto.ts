import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { OptionalText, SingleLine, Trim } from '../../common/validation/text.js';

/** A town's label for the year: the town by INSEE code (checked against the official list), its level and first time. */
export class CreateLabelAwardDto {
  @ApiProperty({ example: '59009', description: 'INSEE code of the commune (5 characters; 2A/2B for Corsica)' })
  @Trim()
  @IsString()
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { message: 'insee must be an INSEE code like 59009 or 2A004' })
  insee!: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Number of « @ »' })
  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;

  @ApiPropertyOptional({ description: 'Default: false' })
  @IsOptional()
  @IsBoolean()
  firstParticipation?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 40, example: '10 000 à 50 000 habitants' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @SingleLine()
  populationBand?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 2000 })
  @OptionalText(2000)
  comments?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'The town’s contact (stored lower-cased)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() || null : value))
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail()
  contactEmail?: string | null;
}

export class UpdateLabelAwardDto extends PartialType(OmitType(CreateLabelAwardDto, ['insee'] as const)) {}
