import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalText } from '../../../common/validation/text.js';

export const MAX_RELEASE_NOTE_LENGTH = 2000;

/** Publishing the draft programme: an optional note, shown with the version and in the speakers' mails. */
export class PublishReleaseDto {
  @ApiPropertyOptional({
    maxLength: MAX_RELEASE_NOTE_LENGTH,
    nullable: true,
    type: String,
    example: 'La table ronde du mardi passe à 14 h 30 en salle 2.',
  })
  @OptionalText(MAX_RELEASE_NOTE_LENGTH)
  note?: string | null;
}
