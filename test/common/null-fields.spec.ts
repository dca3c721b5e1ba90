import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { flattenValidationErrors } from '../../src/common/http/validation.js';
import { nullFieldErrors } from '../../src/common/validation/null-fields.js';

/** The null rule on plain DTO classes: null only where documented nullable, nested DTOs included. */
class RoomDto {
  @ApiProperty()
  @IsString()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  floor?: string | null;
}

class VenueDto {
  @ApiProperty()
  @IsString()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsString()
  website?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  city?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsString({ each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: () => RoomDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoomDto)
  mainRoom?: RoomDto;

  @ApiPropertyOptional({ type: [RoomDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => RoomDto)
  rooms?: RoomDto[];

  /** Validated but not documented: never nullable. */
  @IsOptional()
  @IsString()
  internalNote?: string;
}

class UpdateVenueDto extends PartialType(VenueDto) {}

const fields = (dto: Parameters<typeof nullFieldErrors>[0], body: unknown) => flattenValidationErrors(nullFieldErrors(dto, body)).errors.map((e) => e.field);

describe('The null rule (nullFieldErrors)', () => {
  it('accepts null where the property is documented nullable, and values and absence everywhere', () => {
    expect(fields(VenueDto, { name: 'Cité des sciences', website: null })).toEqual([]);
    expect(fields(VenueDto, { name: 'Cité des sciences', city: 'Paris', tags: ['a'], mainRoom: { name: 'Gaïa', floor: null } })).toEqual([]);
    expect(fields(VenueDto, {})).toEqual([]);
  });

  it('refuses null in a property that is not documented nullable, optional or required', () => {
    expect(fields(VenueDto, { name: null })).toEqual(['name']);
    expect(fields(VenueDto, { city: null, tags: null, mainRoom: null, rooms: null })).toEqual(['city', 'tags', 'mainRoom', 'rooms']);
    expect(fields(VenueDto, { internalNote: null })).toEqual(['internalNote']);
    const [error] = flattenValidationErrors(nullFieldErrors(VenueDto, { city: null })).errors;
    expect(error?.errors).toEqual(['city may not be null: give a value, or leave it out']);
  });

  it('walks nested DTOs and arrays: null items and nulls inside items', () => {
    expect(fields(VenueDto, { mainRoom: { name: null } })).toEqual(['mainRoom.name']);
    expect(fields(VenueDto, { rooms: [{ name: 'Gaïa' }, null, { name: null, floor: null }] })).toEqual(['rooms[1]', 'rooms[2].name']);
    expect(fields(VenueDto, { tags: ['a', null] })).toEqual(['tags[1]']);
  });

  it('keeps the rule through PartialType: the update DTO documents the same nullable properties', () => {
    expect(fields(UpdateVenueDto, { website: null })).toEqual([]);
    expect(fields(UpdateVenueDto, { name: null, city: null })).toEqual(['name', 'city']);
  });

  it('leaves unknown properties to the whitelist and non-objects to the validators', () => {
    expect(fields(VenueDto, { unknown: null })).toEqual([]);
    expect(fields(VenueDto, null)).toEqual([]);
    expect(fields(VenueDto, [null])).toEqual([]);
    expect(fields(VenueDto, 'text')).toEqual([]);
    expect(fields(VenueDto, { mainRoom: 'text', rooms: 'text' })).toEqual([]);
  });
});
