import { ApiProperty } from '@nestjs/swagger';
import type { Venue } from '../venue.entity.js';

/** A venue as lists show it (without rooms and opening hours). */
export class VenueResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Espace Cardin' })
  name!: string;

  @ApiProperty({ example: '1 avenue Gabriel' })
  streetAddress!: string;

  @ApiProperty({ example: '75008' })
  postcode!: string;

  @ApiProperty({ example: 'Paris' })
  city!: string;

  @ApiProperty({ example: 'FR' })
  countryCode!: string;

  @ApiProperty({ nullable: true, type: Number, example: 48.8676 })
  latitude!: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 2.3158 })
  longitude!: number | null;

  @ApiProperty({ example: 'Europe/Paris' })
  timeZone!: string;

  @ApiProperty({ nullable: true, type: String })
  accessibilityNotes!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(venue: Venue): VenueResponse {
    return {
      id: venue.id,
      name: venue.name,
      streetAddress: venue.streetAddress,
      postcode: venue.postcode,
      city: venue.city,
      countryCode: venue.countryCode,
      latitude: venue.latitude,
      longitude: venue.longitude,
      timeZone: venue.timeZone,
      accessibilityNotes: venue.accessibilityNotes,
      createdAt: venue.createdAt.toISOString(),
      updatedAt: venue.updatedAt.toISOString(),
    };
  }
}
