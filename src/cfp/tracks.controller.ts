import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { CreateTrackDto } from './dto/create-track.dto.js';
import { ListTracksQuery } from './dto/list-tracks.query.js';
import { TrackResponse } from './dto/track.response.js';
import { UpdateTrackDto } from './dto/update-track.dto.js';
import { TracksService } from './tracks.service.js';

@ApiTags('call for papers')
@Controller('events/:eventId/tracks')
export class TracksController {
  constructor(private readonly tracks: TracksService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The tracks (themes) of an event, by display order, paginated' })
  @ApiPageResponse(TrackResponse)
  @ApiErrors(404)
  list(@Param('eventId', ParseUUIDPipe) eventId: string, @Query() query: ListTracksQuery) {
    return this.tracks.list(eventId, query);
  }

  @Post()
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a track; French names are unique within the event (organisers)' })
  @ApiCreatedResponse({ type: TrackResponse })
  @ApiErrors(401, 403, 404, 409)
  create(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: CreateTrackDto): Promise<TrackResponse> {
    return this.tracks.create(eventId, dto);
  }

  @Patch(':trackId')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change a track (organisers)' })
  @ApiOkResponse({ type: TrackResponse })
  @ApiErrors(401, 403, 404, 409)
  update(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('trackId', ParseUUIDPipe) trackId: string,
    @Body() dto: UpdateTrackDto,
  ): Promise<TrackResponse> {
    return this.tracks.update(eventId, trackId, dto);
  }

  @Delete(':trackId')
  @HttpCode(204)
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete a track (organisers); its proposals are left without a track' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 403, 404)
  remove(@Param('eventId', ParseUUIDPipe) eventId: string, @Param('trackId', ParseUUIDPipe) trackId: string): Promise<void> {
    return this.tracks.remove(eventId, trackId);
  }
}
