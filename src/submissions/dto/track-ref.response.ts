import { ApiProperty } from '@nestjs/swagger';

/** The track of a proposal, briefly. */
export class TrackRefResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() nameFr!: string;
  @ApiProperty({ nullable: true, type: String }) nameEn!: string | null;
}
