import { ApiProperty } from '@nestjs/swagger';

/** Who wrote a review (organisers only ever see this). */
export class ReviewerResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Display name, or the email when the account has none' }) name!: string;
  @ApiProperty() email!: string;
}

/** One organiser's review of a proposal. */
export class ReviewResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ type: ReviewerResponse }) reviewer!: ReviewerResponse;
  @ApiProperty({ minimum: 1, maximum: 5 }) score!: number;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
