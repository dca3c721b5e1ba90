import { ApiProperty } from '@nestjs/swagger';

/** A venue named in another resource. */
export class VenueRefResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Espace Cardin' })
  name!: string;
}
