import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import type { CreateRoomDto } from './dto/create-room.dto.js';
import type { ListRoomsQuery } from './dto/list-rooms.query.js';
import { RoomResponse } from './dto/room.response.js';
import type { UpdateRoomDto } from './dto/update-room.dto.js';
import { isViolation, STILL_REFERENCED } from '../common/errors/postgres-error.js';
import { Room } from './room.entity.js';
import { VenuesService } from './venues.service.js';

/** The rooms of a venue. A room is only ever reached through its own venue: another venue's room is 404. */
@Injectable()
export class RoomsService {
  constructor(
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
    private readonly venues: VenuesService,
  ) {}

  /** A page of a venue's rooms, by name or capacity. */
  async list(venueId: string, query: ListRoomsQuery): Promise<Page<RoomResponse>> {
    await this.venues.assertExists(venueId);
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const [rows, total] = await this.rooms.findAndCount({
      where: { venueId },
      order: query.sort === 'capacity' ? { capacity: direction, name: 'ASC' } : { name: direction, id: 'ASC' },
      skip: pageOffset(query),
      take: query.pageSize,
    });
    return toPage(rows.map((room) => RoomResponse.from(room)), total, query);
  }

  /** Adds a room to a venue; 409 when the venue already has a room of that name. */
  async create(venueId: string, dto: CreateRoomDto): Promise<RoomResponse> {
    await this.venues.assertExists(venueId);
    const room = this.rooms.create({ venueId, floor: null, equipment: [], accessibilityNotes: null });
    applyRoomChanges(room, dto);
    return RoomResponse.from(await this.saveUniquelyNamed(room));
  }

  async get(venueId: string, roomId: string): Promise<RoomResponse> {
    return RoomResponse.from(await this.load(venueId, roomId));
  }

  async update(venueId: string, roomId: string, dto: UpdateRoomDto): Promise<RoomResponse> {
    const room = await this.load(venueId, roomId);
    applyRoomChanges(room, dto);
    return RoomResponse.from(await this.saveUniquelyNamed(room));
  }

  /** Deletes a room; 409 while something (a session, later) still takes place in it. */
  async remove(venueId: string, roomId: string): Promise<void> {
    await this.load(venueId, roomId);
    try {
      await this.rooms.delete({ id: roomId, venueId });
    } catch (error) {
      if (isViolation(error, STILL_REFERENCED)) throw conflict('This room is still used by other records', { roomId }, 'ROOM_IN_USE');
      throw error;
    }
  }

  private async saveUniquelyNamed(room: Room): Promise<Room> {
    try {
      return await this.rooms.save(room);
    } catch (error) {
      if (isViolation(error, '23505', 'UQ_rooms_venue_name')) {
        throw conflict(`This venue already has a room named “${room.name}”`, { name: room.name }, 'ROOM_NAME_TAKEN');
      }
      throw error;
    }
  }

  private async load(venueId: string, roomId: string): Promise<Room> {
    const room = await this.rooms.findOneBy({ id: roomId, venueId });
    if (!room) throw notFound('Room');
    return room;
  }
}

/** Copies the given fields of a create or update request onto `room`. */
function applyRoomChanges(room: Room, dto: UpdateRoomDto): void {
  if (dto.name !== undefined) room.name = dto.name;
  if (dto.capacity !== undefined) room.capacity = dto.capacity;
  if (dto.floor !== undefined) room.floor = dto.floor || null;
  if (dto.equipment !== undefined) room.equipment = dto.equipment ?? [];
  if (dto.accessibilityNotes !== undefined) room.accessibilityNotes = dto.accessibilityNotes || null;
}
