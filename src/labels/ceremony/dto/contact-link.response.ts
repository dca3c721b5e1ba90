import { ApiProperty } from '@nestjs/swagger';

/** The town contact's link was (re)issued and mailed; the link itself is only in the mail. */
export class ContactLinkResponse {
  @ApiProperty({ example: 2012 })
  year!: number;

  @ApiProperty({ example: '92040' })
  insee!: string;

  @ApiProperty({ example: 'Issy-les-Moulineaux' })
  townName!: string;

  @ApiProperty({ example: 'numerique@mairie-exemple.fr' })
  contactEmail!: string;

  @ApiProperty({ description: 'True: a previous link existed and no longer works' })
  replacedPrevious!: boolean;
}
