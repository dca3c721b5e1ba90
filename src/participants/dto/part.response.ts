import { ApiProperty } from '@nestjs/swagger';
import { PART_ADMISSIONS, PART_KINDS } from './part-create.dto.js';

/** A part with its seats: capacity, how many are admitted, waiting, asking. */
export class PartResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() nameFr!: string;
  @ApiProperty({ nullable: true, type: String }) nameEn!: string | null;
  @ApiProperty({ enum: PART_KINDS }) kind!: string;
  @ApiProperty({ enum: PART_ADMISSIONS }) admission!: string;
  @ApiProperty({ nullable: true, type: String, example: '2012-02-06' }) day!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) sessionId!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null: no limit' }) capacity!: number | null;
  @ApiProperty({ description: 'Seats of the capacity given (the public’s)' }) admitted!: number;
  @ApiProperty({ description: 'Speakers and chairs admitted outside the capacity (not in admitted, nor taken from seatsLeft)' }) programme!: number;
  @ApiProperty() waiting!: number;
  @ApiProperty() requested!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null: no limit' }) seatsLeft!: number | null;
  @ApiProperty({ nullable: true, type: String }) badgeRibbon!: string | null;
  @ApiProperty() displayOrder!: number;
}
