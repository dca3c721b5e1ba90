import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';

/** Conflicts an organiser has seen and accepts, named by their stable keys. */
export class AcknowledgeConflictsDto {
  @ApiProperty({ type: [String], maxItems: 1000, description: 'Keys of current conflicts (GET …/programme/conflicts)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  keys!: string[];
}
