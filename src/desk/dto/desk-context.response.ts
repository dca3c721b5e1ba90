import { ApiProperty } from '@nestjs/swagger';

export class DeskCategoryResponse {
  @ApiProperty({ example: 'researcher' }) code!: string;
  @ApiProperty({ example: 'Chercheur' }) labelFr!: string;
}

/** What the desk needs to start: today's date in the event's zone, today's day part, walk-in categories. */
export class DeskContextResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'Villes et territoires numériques' }) nameFr!: string;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone!: string;
  @ApiProperty({ example: '2012-02-06' }) today!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Lundi 6 février', description: 'Today’s day part, what a scan checks in to' }) todayPartNameFr!: string | null;
  @ApiProperty({ type: [DeskCategoryResponse], description: 'Categories a walk-in may be given' }) categories!: DeskCategoryResponse[];
}
