import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, Matches, IsOptional } from 'class-validator';
import { PersonName } from '../../common/validation/person-name.js';
import { PART_REF, RegistrationFieldsDto } from './registration-create.dto.js';

/** What the personal link may change: names, affiliation or town, days, needs, consents, and parts (added or dropped). */
export class RegistrationUpdateDto extends RegistrationFieldsDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @PersonName()
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @PersonName()
  lastName?: string;

  @ApiPropertyOptional({ type: [String], description: 'Parts to ask a seat in, by code or id' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(PART_REF, { each: true, message: 'addParts must be part codes or ids' })
  addParts?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Parts to give up (a held seat goes to the head of the waiting list)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(PART_REF, { each: true, message: 'dropParts must be part codes or ids' })
  dropParts?: string[];
}
