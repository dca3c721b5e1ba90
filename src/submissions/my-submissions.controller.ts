import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { ListMySubmissionsQuery } from './dto/list-my-submissions.query.js';
import { SubmissionResponse } from './dto/submission.response.js';
import { SubmissionsService } from './submissions.service.js';

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('me/submissions')
export class MySubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get()
  @Roles('speaker', 'organiser')
  @ApiOperation({ summary: 'The proposals the caller signs (as main speaker, or as a co-speaker who accepted), paginated' })
  @ApiPageResponse(SubmissionResponse)
  @ApiErrors(401, 403)
  list(@Query() query: ListMySubmissionsQuery, @CurrentUser() caller: RequestUser) {
    return this.submissions.listMine(caller, query);
  }
}
