import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A labelled town. Before the reveal, `level`, `comments` and `contactEmail` are absent for anyone but organisers. */
export class LabelAwardResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 2012 })
  year!: number;

  @ApiProperty({ example: '59009' })
  insee!: string;

  @ApiProperty({ example: "Villeneuve-d'Ascq", description: 'Official name in the label’s year' })
  townName!: string;

  @ApiProperty({ example: '59' })
  departement!: string;

  @ApiProperty({ example: 'Nord-Pas-de-Calais', description: 'The region in the label’s year' })
  region!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'Absent before the reveal, except for organisers' })
  level?: number;

  @ApiProperty()
  firstParticipation!: boolean;

  @ApiProperty({ nullable: true, type: String })
  populationBand!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Organisers only' })
  comments?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Organisers only' })
  contactEmail?: string | null;
}
