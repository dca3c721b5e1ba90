import { ApiProperty } from '@nestjs/swagger';

/** A person who signs a proposal, as its readers see them. */
export class SignerResponse {
  @ApiProperty({ enum: ['main', 'co'] }) role!: 'main' | 'co';
  @ApiProperty({ enum: ['invited', 'accepted', 'declined'] }) status!: 'invited' | 'accepted' | 'declined';
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The speaker account, shown to organisers only (to read its profile or unavailabilities); null otherwise and for someone invited who has no account yet',
  })
  userId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null for someone invited who has no speaker account yet' }) firstName!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName!: string | null;
  @ApiProperty({ nullable: true, type: String }) affiliation!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Shown to organisers and the main speaker only' }) email!: string | null;
}
