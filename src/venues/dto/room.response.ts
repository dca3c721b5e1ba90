import { ApiProperty } from '@nestjs/swagger';
import type { Room } from '../room.entity.js';

/** A room as the API shows it. */
export class RoomResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  venueId!: string;

  @ApiProperty({ example: 'Amphithéâtre' })
  name!: string;

  @ApiProperty({ example: 200, minimum: 1 })
  capacity!: number;

  @ApiProperty({ example: 'RDC', nullable: true, type: String })
  floor!: string | null;

  @ApiProperty({ example: ['vidéoprojecteur', 'sonorisation'], type: [String] })
  equipment!: string[];

  @ApiProperty({ nullable: true, type: String })
  accessibilityNotes!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(room: Room): RoomResponse {
    return {
      id: room.id,
      venueId: room.venueId,
      name: room.name,
      capacity: room.capacity,
      floor: room.floor,
      equipment: room.equipment,
      accessibilityNotes: room.accessibilityNotes,
      createdAt: room.createdAt.toISOString(),
      updatedAt: room.updatedAt.toISOString(),
    };
  }
}
