import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** One acknowledged conflict, by its key. */
export class ConflictKeyQuery {
  @ApiProperty({ description: 'The conflict’s key, as listed (URL-encoded)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  key!: string;
}
