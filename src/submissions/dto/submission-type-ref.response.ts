import { ApiProperty } from '@nestjs/swagger';

/** The type of a proposal, briefly. */
export class SubmissionTypeRefResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'communication' }) code!: string;
  @ApiProperty({ example: 'Communication' }) nameFr!: string;
  @ApiProperty({ nullable: true, type: String }) nameEn!: string | null;
  @ApiProperty({ example: 20 }) defaultMinutes!: number;
}
