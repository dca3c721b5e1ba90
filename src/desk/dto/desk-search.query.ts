import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { SingleLine, Trim } from '../../common/validation/text.js';
import { BADGE_TOKEN_PATTERN } from '../../check-ins/check-in-rules.js';

/** What the desk looks for: words of a name (accents and case ignored), or a badge token. */
export class DeskSearchQuery extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Words of the names, email or town, whatever the accents and case ("helene" finds "Hélène")' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  q?: string;

  @ApiPropertyOptional({ description: 'A badge token (43 base64url characters): the one person holding it' })
  @IsOptional()
  @IsString()
  @MaxLength(43)
  @Matches(BADGE_TOKEN_PATTERN, { message: 'token must be a badge token (43 base64url characters)' })
  token?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One person by id (the desk reloads the person it shows, whose token may have been replaced)' })
  @IsOptional()
  @IsUUID()
  id?: string;
}
