import { ApiProperty } from '@nestjs/swagger';

export class BadgeTemplateCountResponse {
  @ApiProperty({ example: 'colloquium' })
  template!: string;

  @ApiProperty({ example: 120 })
  badges!: number;

  @ApiProperty({ example: 4, description: 'Badges a sheet holds (1: one per page)' })
  perSheet!: number;

  @ApiProperty({ example: 30 })
  sheets!: number;

  @ApiProperty({ description: 'Printed on both sides (each sheet has its back, mirrored)' })
  duplex!: boolean;
}

export class BadgeOverflowResponse {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;

  @ApiProperty({ type: [String], example: ['front[4] lastName'], description: 'Elements whose text could not fit at the smallest size (narrowed to stay in its box)' })
  elements!: string[];
}

/** GET /api/events/:eventId/badges/preview */
export class BadgePreviewResponse {
  @ApiProperty({ example: 120 })
  badges!: number;

  @ApiProperty({ example: 30, description: 'Sheets (pages of fronts) in all' })
  sheets!: number;

  @ApiProperty({ type: [BadgeTemplateCountResponse] })
  perTemplate!: BadgeTemplateCountResponse[];

  @ApiProperty({ example: 0 })
  overflowCount!: number;

  @ApiProperty({ type: [BadgeOverflowResponse], description: 'The badges that overflow (at most 1,000 listed; overflowCount counts them all)' })
  overflows!: BadgeOverflowResponse[];
}
