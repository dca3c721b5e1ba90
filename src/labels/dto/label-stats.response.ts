import { ApiProperty } from '@nestjs/swagger';

export class LabelRegionCount {
  @ApiProperty({ example: 'Île-de-France' })
  region!: string;

  @ApiProperty({ example: 50 })
  towns!: number;
}

/** The figures of a year's press release, computed from the labels. Percentages are rounded half up. */
export class LabelStatsResponse {
  @ApiProperty({ example: 2012 })
  year!: number;

  @ApiProperty({ example: 356, description: 'Labels awarded this year' })
  labels!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { '1': 86, '2': 110, '3': 100, '4': 40, '5': 20 },
    description: 'Labels per level (1 to 5 @)',
  })
  perLevel!: Record<string, number>;

  @ApiProperty({ example: 60, description: 'Towns at 4 or 5 @ this year' })
  topLevels!: number;

  @ApiProperty({ nullable: true, type: Number, example: 2011, description: 'The latest earlier year with labels' })
  previousYear!: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 297 })
  previousLabels!: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 52, description: 'Towns at 4 or 5 @ the year before' })
  previousTopLevels!: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 19.9, description: 'Participation growth against the year before, in %, one decimal' })
  growthPercent!: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 20, description: 'The same, rounded to a whole percent (as a press release says it)' })
  growthPercentRounded!: number | null;

  @ApiProperty({ example: 27, description: 'Regions (of the label’s year) with at least one labelled town' })
  regionsRepresented!: number;

  @ApiProperty({ type: [LabelRegionCount], description: 'Every region with at least one labelled town (largest first; ties by name)' })
  perRegion!: LabelRegionCount[];

  @ApiProperty({ type: [LabelRegionCount], description: 'The smallest set of regions holding at least half of the towns (largest first; ties by name)' })
  regionsHoldingHalf!: LabelRegionCount[];

  @ApiProperty({ example: 142 })
  firstParticipations!: number;

  @ApiProperty({ example: 39.9, description: 'Share of first participations in %, one decimal' })
  firstParticipationPercent!: number;

  @ApiProperty({ example: 40 })
  firstParticipationPercentRounded!: number;

  @ApiProperty({ nullable: true, type: Number, example: 2000, description: 'The first year with labels' })
  firstYear!: number | null;

  @ApiProperty({ example: 13, description: 'Years with labels, up to this one' })
  yearsSinceFirst!: number;

  @ApiProperty({ example: 2617, description: 'Labels awarded since the first year, up to this one' })
  labelsSinceFirst!: number;
}
