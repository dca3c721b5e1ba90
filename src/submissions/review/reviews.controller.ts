import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type RequestUser } from '../../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../../common/http/api-docs.js';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { PutReviewDto } from './dto/put-review.dto.js';
import { ReviewResponse } from './dto/review.response.js';
import { ReviewsService } from './reviews.service.js';

@ApiTags('reviews')
@ApiBearerAuth()
@Roles('organiser')
@Controller('submissions/:id')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Put('review')
  @ApiOperation({
    summary: 'Score a submitted proposal 1–5 with a comment, or replace one’s review (organisers)',
    description:
      'One review per organiser and proposal; a new PUT replaces it (an omitted comment clears it). Only while the proposal is ' +
      'submitted (409 SUBMISSION_NOT_REVIEWABLE with its state otherwise); an organiser who signs the proposal cannot review it ' +
      '(403 REVIEWER_IS_SIGNER). 201 when created, 200 when replaced.',
  })
  @ApiCreatedResponse({ type: ReviewResponse, description: 'Review created' })
  @ApiOkResponse({ type: ReviewResponse, description: 'Review replaced' })
  @ApiErrors(401, 403, 404, 409)
  async put(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PutReviewDto,
    @CurrentUser() user: RequestUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReviewResponse> {
    const { created, review } = await this.reviews.put(id, user, dto);
    response.status(created ? 201 : 200);
    return review;
  }

  @Delete('review')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one’s own review of a submitted proposal (organisers)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(401, 403, 404, 409)
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: RequestUser): Promise<void> {
    return this.reviews.remove(id, user);
  }

  @Get('reviews')
  @ApiOperation({ summary: 'The reviews of a proposal with their reviewers, oldest first, paginated (organisers)' })
  @ApiPageResponse(ReviewResponse)
  @ApiErrors(401, 403, 404)
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto) {
    return this.reviews.list(id, query);
  }
}
