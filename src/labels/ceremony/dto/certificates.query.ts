import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { Transform } from 'class-transformer';

/** ?insee= : one town's certificate only. */
export class CertificatesQuery {
  @ApiPropertyOptional({ example: '92040', description: 'Only this town’s certificate' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsOptional()
  @IsString()
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { message: '$property must be an INSEE town code such as 92040 or 2A004' })
  insee?: string;
}
