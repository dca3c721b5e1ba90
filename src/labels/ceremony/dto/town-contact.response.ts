import { ApiProperty } from '@nestjs/swagger';
import { DelegateResponse } from './delegate.response.js';

/** The ceremony as the town's contact sees it through their link. */
export class TownCeremonyResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  eventId!: string | null;

  @ApiProperty({ example: 'Remise du Label Ville Internet 2012', nullable: true, type: String })
  name!: string | null;

  @ApiProperty({ example: '2012-02-06T18:00:00+01:00', nullable: true, type: String, description: 'In the event’s zone, with its offset' })
  startsAt!: string | null;
}

export class TownContactResponse {
  @ApiProperty({ example: 2012 })
  year!: number;

  @ApiProperty({ example: '92040' })
  insee!: string;

  @ApiProperty({ example: 'Issy-les-Moulineaux' })
  townName!: string;

  @ApiProperty({ example: '92' })
  departement!: string;

  @ApiProperty({ example: 'Île-de-France' })
  region!: string;

  @ApiProperty({ nullable: true, type: Number, description: 'The level (1–5 @): null until the palmarès is revealed' })
  level!: number | null;

  @ApiProperty()
  levelRevealed!: boolean;

  @ApiProperty({ type: TownCeremonyResponse })
  ceremony!: TownCeremonyResponse;

  @ApiProperty({ type: [DelegateResponse], description: 'The town’s delegates (at most maxDelegates through this link)' })
  delegates!: DelegateResponse[];

  @ApiProperty({ example: 6 })
  maxDelegates!: number;
}
