import { ApiProperty } from '@nestjs/swagger';

/** What a synchronisation with the published programme changed. */
export class ProgrammeSyncResponse {
  @ApiProperty({ nullable: true, type: Number, description: 'The release read (null: nothing published yet)' })
  version!: number | null;

  @ApiProperty({ description: 'Participants created for speakers and chairs' })
  created!: number;

  @ApiProperty({ description: 'Participants whose programme roles changed (given or taken away)' })
  updated!: number;
}
