import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** ?fromVenueId=&toVenueId= naming a pair of venues (in either order). */
export class VenuePairQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fromVenueId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toVenueId!: string;
}
