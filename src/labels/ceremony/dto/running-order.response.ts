import { ApiProperty } from '@nestjs/swagger';

export class RunningOrderDelegateResponse {
  @ApiProperty({ format: 'uuid' })
  participantId!: string;

  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;

  @ApiProperty({ enum: ['admitted', 'waiting', 'requested'], nullable: true, type: String })
  admission!: string | null;

  @ApiProperty({ description: 'Checked in to the ceremony' })
  present!: boolean;
}

export class RunningOrderTownResponse {
  @ApiProperty({ example: 1, description: 'Position in the whole running order' })
  position!: number;

  @ApiProperty({ example: '59350' })
  insee!: string;

  @ApiProperty({ example: 'Lille' })
  name!: string;

  @ApiProperty({ example: '59' })
  departement!: string;

  @ApiProperty({ example: 'Nord-Pas-de-Calais' })
  region!: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  level!: number;

  @ApiProperty()
  firstParticipation!: boolean;

  @ApiProperty({ type: [RunningOrderDelegateResponse] })
  delegates!: RunningOrderDelegateResponse[];

  @ApiProperty()
  delegatesPresent!: number;
}

export class RunningOrderLevelResponse {
  @ApiProperty({ minimum: 1, maximum: 5 })
  level!: number;

  @ApiProperty({ example: '3 @' })
  label!: string;

  @ApiProperty({ type: [RunningOrderTownResponse] })
  towns!: RunningOrderTownResponse[];
}

export class RunningOrderTotalsResponse {
  @ApiProperty()
  towns!: number;

  @ApiProperty()
  delegates!: number;

  @ApiProperty()
  present!: number;
}

/** The running order for the master of ceremonies: levels 1 @ to 5 @, towns by region and name, delegates present marked. */
export class RunningOrderResponse {
  @ApiProperty({ example: 2012 })
  year!: number;

  @ApiProperty({ nullable: true, type: String, example: 'Remise du Label Ville Internet 2012' })
  eventName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2012-02-06T18:00:00+01:00' })
  ceremonyStartsAt!: string | null;

  @ApiProperty({ description: 'Whether the palmarès is public yet (before: organisers only)' })
  revealed!: boolean;

  @ApiProperty({ example: '2012-02-06T18:05:00+01:00', description: 'When this was read, in the event’s zone' })
  generatedAt!: string;

  @ApiProperty({ type: [RunningOrderLevelResponse] })
  levels!: RunningOrderLevelResponse[];

  @ApiProperty({ type: RunningOrderTotalsResponse })
  totals!: RunningOrderTotalsResponse;
}
