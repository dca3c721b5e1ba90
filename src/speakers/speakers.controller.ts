import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LoginResponse } from '../auth/dto/login.response.js';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { ListSpeakersQuery } from './dto/list-speakers.query.js';
import { SpeakerProfileResponse } from './dto/speaker-profile.response.js';
import { SpeakerSignupDto } from './dto/speaker-signup.dto.js';
import { ApiPhotoDownload, sendPhoto, type UploadedPhoto } from './photo-http.js';
import { SpeakerPhotosService } from './speaker-photos.service.js';
import { SignupUploadInterceptor } from './photo-upload.interceptor.js';
import { SpeakerSignupService } from './speaker-signup.service.js';
import { SpeakersService } from './speakers.service.js';

@ApiTags('speakers')
@Controller('speakers')
export class SpeakersController {
  constructor(
    private readonly signups: SpeakerSignupService,
    private readonly speakers: SpeakersService,
    private readonly photos: SpeakerPhotosService,
  ) {}

  @Public()
  @Post('signup')
  @ApiOperation({
    summary: 'A researcher registers as a speaker (public); answers like login',
    description:
      'Creates a speaker account and its profile together. Names are kept as typed (any script), trimmed. ' +
      'An email already in use answers 409 EMAIL_TAKEN, whatever the other account is. ' +
      'Send JSON, or multipart/form-data with the same fields and an optional `photo` file (JPEG or PNG, at most 2 MB, ' +
      'checked from its bytes). The photo can also be sent later with PUT /api/me/speaker-profile/photo.',
  })
  @UseInterceptors(SignupUploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiCreatedResponse({ type: LoginResponse })
  @ApiErrors(409, 413, 415, 422)
  signup(@Body() dto: SpeakerSignupDto, @UploadedFile() photo: UploadedPhoto | undefined): Promise<LoginResponse> {
    return this.signups.signup(dto, photo?.buffer);
  }

  @Roles('organiser')
  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'List speakers, paginated; q ignores accents and case (organisers)' })
  @ApiPageResponse(SpeakerProfileResponse)
  @ApiErrors(401, 403)
  list(@Query() query: ListSpeakersQuery) {
    return this.speakers.list(query);
  }

  @Roles('organiser')
  @Get(':userId')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One speaker’s profile (organisers); any other account is 404' })
  @ApiOkResponse({ type: SpeakerProfileResponse })
  @ApiErrors(401, 403, 404)
  get(@Param('userId', ParseUUIDPipe) userId: string): Promise<SpeakerProfileResponse> {
    return this.speakers.get(userId);
  }

  @Roles('organiser')
  @Get(':userId/photo')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A speaker’s photo (organisers, for badges)' })
  @ApiPhotoDownload()
  @ApiErrors(401, 403, 404)
  async photo(@Param('userId', ParseUUIDPipe) userId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    sendPhoto(await this.photos.file(userId), request, response);
  }
}
