import { ApiProperty } from '@nestjs/swagger';

export class DeskCategoryResponse {
  @ApiProperty({ example: 'researcher' }) code!: string;
  @ApiProperty({ example: 'Chercheur' }) labelFr!: string;
}

export class DeskPartOptionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'ceremonie' }) code!: string;
  @ApiProperty({ example: 'Cérémonie du Label' }) nameFr!: string;
  @ApiProperty({ example: 'ceremony' }) kind!: string;
  @ApiProperty({ nullable: true, type: String, example: '2012-02-06' }) day!: string | null;
}

/** What the desk needs to start: today's date in the event's zone, today's day part, walk-in categories. */
export class DeskContextResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'Villes et territoires numériques' }) nameFr!: string;
  @ApiProperty({ example: 'Europe/Paris' }) timeZone!: string;
  @ApiProperty({ example: '2012-02-06' }) today!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Lundi 6 février', description: 'Today’s day part, what a scan checks in to' }) todayPartNameFr!: string | null;
  @ApiProperty({ type: [DeskPartOptionResponse], description: 'The parts a scan may name (a ceremony desk checks people in to the ceremony), in display order' })
  parts!: DeskPartOptionResponse[];
  @ApiProperty({ type: [DeskCategoryResponse], description: 'Categories a walk-in may be given' }) categories!: DeskCategoryResponse[];
  @ApiProperty({ example: 'guest', description: 'The category a walk-in gets unless the desk chooses another: the plain participant’s' }) defaultCategory!: string;
}
