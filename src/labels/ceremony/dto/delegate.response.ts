import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_SOURCES } from '../../../participants/participant-fields.js';

/** A delegate of a labelled town and their seat at the ceremony. */
export class DelegateResponse {
  @ApiProperty({ format: 'uuid', description: 'The participant' })
  id!: string;

  @ApiProperty({ example: 'Claire' })
  firstName!: string;

  @ApiProperty({ example: 'Martin' })
  lastName!: string;

  @ApiProperty({ example: 'claire.martin@mairie-exemple.fr', nullable: true, type: String })
  email!: string | null;

  @ApiProperty({ nullable: true, type: String })
  affiliation!: string | null;

  @ApiProperty({ example: 'Issy-les-Moulineaux', description: 'The town’s name of the label’s year' })
  town!: string;

  @ApiProperty({ example: '92040' })
  townInsee!: string;

  @ApiProperty({ enum: ['admitted', 'waiting', 'requested'], nullable: true, type: String, description: 'Seat at the ceremony (null: none)' })
  admission!: 'admitted' | 'waiting' | 'requested' | null;

  @ApiProperty({ nullable: true, type: Number, description: 'On the waiting list: 1 for the head of the queue' })
  waitingPosition!: number | null;

  @ApiProperty({ description: 'Checked in to the ceremony' })
  present!: boolean;

  @ApiProperty({
    enum: PARTICIPANT_SOURCES,
    description:
      'Registered by an organiser, or by the town’s contact (self); a participant of the town written otherwise (import, programme, a desk walk-in given the town later) keeps its own source',
  })
  source!: string;
}
