import { ApiProperty } from '@nestjs/swagger';

export class DeskPartResponse {
  @ApiProperty({ format: 'uuid' }) partId!: string;
  @ApiProperty({ example: 'jour-1' }) code!: string;
  @ApiProperty({ example: 'Lundi 6 février' }) nameFr!: string;
  @ApiProperty({ example: 'day' }) kind!: string;
  @ApiProperty({ nullable: true, type: String, example: '2012-02-06' }) day!: string | null;
  @ApiProperty({ enum: ['admitted', 'waiting', 'requested'] }) status!: string;
  @ApiProperty({ enum: ['public', 'programme'], description: '`programme`: a speaker’s or chair’s place, outside the capacity' }) quota!: string;
  @ApiProperty({ description: 'A day part of today (the event’s local date), the one a scan without a part checks in to' }) today!: boolean;
  @ApiProperty({ nullable: true, type: String, example: '2012-02-06T09:12:00+01:00', description: 'Check-in for this part (its day, or today for other parts)' })
  checkedInAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Jeanne Martin' }) checkedInBy!: string | null;
}

/** A person as the reception desk sees them. */
export class DeskPersonResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Hélène' }) firstName!: string;
  @ApiProperty({ example: 'Dupré' }) lastName!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) affiliation!: string | null;
  @ApiProperty({ nullable: true, type: String }) town!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'researcher' }) primaryCategory!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Chercheur' }) categoryLabelFr!: string | null;
  @ApiProperty({ enum: ['registered', 'cancelled'] }) status!: string;
  @ApiProperty({ description: 'The badge’s QR code token (what a scan sends)' }) badgeToken!: string;
  @ApiProperty({ description: 'At least one badge printed' }) printed!: boolean;
  @ApiProperty({ example: 1 }) printCount!: number;
  @ApiProperty({ nullable: true, type: String, example: '2012-02-06T08:55:00+01:00' }) lastPrintedAt!: string | null;
  @ApiProperty({ description: 'Checked in to today’s day part (or, with no day part today, to any part today)' }) checkedInToday!: boolean;
  @ApiProperty({ type: [DeskPartResponse], description: 'Live places (admitted, waiting, requested), in display order' }) parts!: DeskPartResponse[];
}
