import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../common/validation/text.js';

/** POST /api/participants/:id/badge-token/rotate */
export class RotateBadgeTokenDto {
  @ApiProperty({ maxLength: 500, example: 'Badge perdu', description: 'Why the old badge is invalidated (recorded with the next print)' })
  @RequiredText(500)
  reason!: string;
}
