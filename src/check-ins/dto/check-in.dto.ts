import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { BADGE_TOKEN_PATTERN, NONCE_PATTERN } from '../check-in-rules.js';

/** A scan at the desk: the badge's token, and optionally the part (id or code) and a client nonce. */
export class CheckInDto {
  @ApiProperty({ example: 'q3l6yQv3b0pQ8m1o9r2s5t7u0w3x6z9A2C5E8G1J4L7', description: 'The badge’s QR code: 43 base64url characters' })
  @IsString()
  @MaxLength(43)
  @Matches(BADGE_TOKEN_PATTERN, { message: 'token must be a badge token (43 base64url characters)' })
  token!: string;

  @ApiPropertyOptional({
    example: 'ceremonie',
    description: 'The part to check in to, by id or code; without it, the event’s day part whose date is today in the event’s zone',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[a-zA-Z0-9-]{1,40})$/, {
    message: 'part must be a part id or code',
  })
  part?: string;

  @ApiPropertyOptional({
    example: 'desk1-1707205920-0001',
    description: 'Chosen by the client (8–100 characters of A–Z a–z 0–9 _ . : -), unique per event: a retried request answers as the first did',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(NONCE_PATTERN, { message: 'nonce must be 8 to 100 characters among A-Z a-z 0-9 _ . : -' })
  nonce?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The event the desk works for: a badge of another event is refused (409 OTHER_EVENT)' })
  @IsOptional()
  @IsUUID()
  eventId?: string;
}
