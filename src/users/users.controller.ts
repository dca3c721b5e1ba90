import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type RequestUser } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQuery } from './dto/list-users.query.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserResponse } from './dto/user.response.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('organiser')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create an organiser or reception account (organisers)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors(401, 403, 409)
  create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.createStaff(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List accounts, paginated (organisers)' })
  @ApiPageResponse(UserResponse)
  @ApiErrors(401, 403)
  list(@Query() query: ListUsersQuery) {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account (organisers)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the name or staff roles of an account (organisers)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(401, 403, 404, 409)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto, @CurrentUser() actor: RequestUser): Promise<UserResponse> {
    return this.users.updateStaff(id, dto, actor.id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: its tokens stop working at once (organisers)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(401, 403, 404, 409)
  disable(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: RequestUser): Promise<UserResponse> {
    return this.users.setDisabled(id, true, actor.id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again (organisers)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(401, 403, 404)
  enable(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: RequestUser): Promise<UserResponse> {
    return this.users.setDisabled(id, false, actor.id);
  }
}
