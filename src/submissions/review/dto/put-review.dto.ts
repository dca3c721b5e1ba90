import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { OptionalText } from '../../../common/validation/text.js';

export const MAX_REVIEW_COMMENT = 5000;

/** The caller's review of a proposal; a PUT replaces the whole review (an omitted comment clears it). */
export class PutReviewDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4, description: 'A whole number from 1 to 5' })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({ maxLength: MAX_REVIEW_COMMENT, nullable: true, type: String })
  @OptionalText(MAX_REVIEW_COMMENT)
  comment?: string | null;
}
