import { Body, Controller, Delete, Get, HttpCode, Patch, Put, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors } from '../common/http/api-docs.js';
import { SpeakerPhotoResponse } from './dto/speaker-photo.response.js';
import { SpeakerProfileResponse } from './dto/speaker-profile.response.js';
import { UpdateSpeakerProfileDto } from './dto/update-speaker-profile.dto.js';
import { ApiPhotoDownload, ApiPhotoUpload, sendPhoto, type UploadedPhoto } from './photo-http.js';
import { PhotoUploadInterceptor } from './photo-upload.interceptor.js';
import { SpeakerPhotosService } from './speaker-photos.service.js';
import { SpeakersService } from './speakers.service.js';

/** A speaker's own profile and photo: the caller's, never anyone else's. */
@ApiTags('speakers')
@ApiBearerAuth()
@Roles('speaker')
@Controller('me/speaker-profile')
export class MySpeakerProfileController {
  constructor(
    private readonly speakers: SpeakersService,
    private readonly photos: SpeakerPhotosService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My speaker profile (speakers)' })
  @ApiOkResponse({ type: SpeakerProfileResponse })
  @ApiErrors(401, 403, 404)
  get(@CurrentUser() me: RequestUser): Promise<SpeakerProfileResponse> {
    return this.speakers.get(me.id);
  }

  @Patch()
  @ApiOperation({ summary: 'Change my speaker profile (speakers); null clears orcid, bioFr, bioEn' })
  @ApiOkResponse({ type: SpeakerProfileResponse })
  @ApiErrors(401, 403, 404)
  update(@CurrentUser() me: RequestUser, @Body() dto: UpdateSpeakerProfileDto): Promise<SpeakerProfileResponse> {
    return this.speakers.update(me.id, dto);
  }

  @Put('photo')
  @UseInterceptors(PhotoUploadInterceptor)
  @ApiOperation({
    summary: 'Upload or replace my photo (speakers)',
    description:
      'JPEG or PNG, at most 2 MB. The type is read from the content, never from the file name or the declared type; ' +
      'anything else is 415 and the previous photo stays.',
  })
  @ApiPhotoUpload()
  @ApiOkResponse({ type: SpeakerPhotoResponse })
  @ApiErrors(401, 403, 404, 415)
  uploadPhoto(@CurrentUser() me: RequestUser, @UploadedFile() file: UploadedPhoto | undefined): Promise<SpeakerPhotoResponse> {
    return this.photos.replace(me.id, file?.buffer);
  }

  @Get('photo')
  @ApiOperation({ summary: 'My photo (speakers)' })
  @ApiPhotoDownload()
  @ApiErrors(401, 403, 404)
  async photo(@CurrentUser() me: RequestUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    sendPhoto(await this.photos.file(me.id), request, response);
  }

  @Delete('photo')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove my photo (speakers)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(401, 403, 404)
  removePhoto(@CurrentUser() me: RequestUser): Promise<void> {
    return this.photos.remove(me.id);
  }
}
