import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/access.js';
import { ApiErrors, ApiPageResponse } from '../common/http/api-docs.js';
import { ListTravelTimesQuery } from './dto/list-travel-times.query.js';
import { PutTravelTimeDto } from './dto/put-travel-time.dto.js';
import { TravelTimeResponse } from './dto/travel-time.response.js';
import { VenuePairQuery } from './dto/venue-pair.query.js';
import { TravelTimesService } from './travel-times.service.js';

/**
 * /api/venues/travel-times. VenuesModule registers this controller before VenuesController so
 * that the path is not taken for /api/venues/:id.
 */
@ApiTags('venues')
@Controller('venues/travel-times')
export class TravelTimesController {
  constructor(private readonly travelTimes: TravelTimesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Recorded travel times between two venues (the same both ways), paginated' })
  @ApiPageResponse(TravelTimeResponse)
  @ApiErrors()
  list(@Query() query: ListTravelTimesQuery) {
    return this.travelTimes.list(query);
  }

  @Put()
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Record the minutes between two venues, either order (organisers)',
    description: 'Creates or replaces the record of the pair; a minutes field left out becomes unknown. 422 when both venues are the same, or no minutes are given.',
  })
  @ApiOkResponse({ type: TravelTimeResponse })
  @ApiErrors(401, 403, 422)
  put(@Body() dto: PutTravelTimeDto): Promise<TravelTimeResponse> {
    return this.travelTimes.put(dto);
  }

  @Delete()
  @HttpCode(204)
  @Roles('organiser')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Forget the travel time between two venues: ?fromVenueId=&toVenueId=, either order (organisers)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 403, 404, 422)
  remove(@Query() query: VenuePairQuery): Promise<void> {
    return this.travelTimes.remove(query);
  }
}
