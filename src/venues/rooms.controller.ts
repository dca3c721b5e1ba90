import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { CreateRoomDto } from './dto/create-room.dto.js';
import { ListRoomsQuery } from './dto/list-rooms.query.js';
import { RoomResponse } from './dto/room.response.js';
import { UpdateRoomDto } from './dto/update-room.dto.js';
import { RoomsService } from './rooms.service.js';

@ApiTags('venues')
@Controller('venues/:venueId/rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The rooms of a venue, paginated, by name or capacity' })
  @ApiPageResponse(RoomResponse)
  @ApiErrors(404)
  list(@Param('venueId', ParseUUIDPipe) venueId: string, @Query() query: ListRoomsQuery) {
    return this.rooms.list(venueId, query);
  }

  @Post()
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a room to a venue; names are unique within a venue (organisers)' })
  @ApiCreatedResponse({ type: RoomResponse })
  @ApiErrors(401, 403, 404, 409)
  create(@Param('venueId', ParseUUIDPipe) venueId: string, @Body() dto: CreateRoomDto): Promise<RoomResponse> {
    return this.rooms.create(venueId, dto);
  }

  @Get(':roomId')
  @Public()
  @ApiOperation({ summary: 'One room of a venue' })
  @ApiOkResponse({ type: RoomResponse })
  @ApiErrors(404)
  get(@Param('venueId', ParseUUIDPipe) venueId: string, @Param('roomId', ParseUUIDPipe) roomId: string): Promise<RoomResponse> {
    return this.rooms.get(venueId, roomId);
  }

  @Patch(':roomId')
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change a room (organisers)' })
  @ApiOkResponse({ type: RoomResponse })
  @ApiErrors(401, 403, 404, 409)
  update(
    @Param('venueId', ParseUUIDPipe) venueId: string,
    @Param('roomId', ParseUUIDPipe) roomId: string,
    @Body() dto: UpdateRoomDto,
  ): Promise<RoomResponse> {
    return this.rooms.update(venueId, roomId, dto);
  }

  @Delete(':roomId')
  @HttpCode(204)
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete a room (organisers)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 403, 404, 409)
  remove(@Param('venueId', ParseUUIDPipe) venueId: string, @Param('roomId', ParseUUIDPipe) roomId: string): Promise<void> {
    return this.rooms.remove(venueId, roomId);
  }
}
