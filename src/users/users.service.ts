import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, IsNull, Repository } from 'typeorm';
import type { Role, StaffRole } from '../common/auth/role.js';
import { conflict, notFound } from '../common/errors/domain-error.js';
import { isViolation } from '../common/errors/postgres-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { pageOffset, toPage, type Page } from '../common/pagination/page-query.dto.js';
import type { CreateUserDto } from './dto/create-user.dto.js';
import type { ListUsersQuery } from './dto/list-users.query.js';
import type { UpdateUserDto } from './dto/update-user.dto.js';
import { UserResponse } from './dto/user.response.js';
import { generatePassword, hashPassword } from './password.js';
import { User } from './user.entity.js';

/** Arbitrary constant naming the advisory lock under which the first organiser is created (see MIGRATION_LOCK_KEY). */
const FIRST_ORGANISER_LOCK_KEY = 7_202_013;

/** Emails are compared lower-cased and trimmed everywhere. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates an account; 409 when the email is taken, whatever the other account's role. Pass the
   * EntityManager of a transaction to create it together with other rows (a speaker's profile).
   */
  async createAccount(
    input: { email: string; password: string; displayName?: string | null; roles: Role[] },
    manager?: EntityManager,
  ): Promise<User> {
    const users = manager ? manager.getRepository(User) : this.users;
    const email = normaliseEmail(input.email);
    // hash first: a taken email then costs as long to refuse as a new one takes to create
    const passwordHash = await this.hashPassword(input.password);
    if (await users.existsBy({ email })) throw conflict('An account with this email already exists', undefined, 'EMAIL_TAKEN');
    const user = users.create({
      email,
      passwordHash,
      displayName: input.displayName ?? null,
      roles: [...new Set(input.roles)],
      disabledAt: null,
    });
    try {
      return await users.save(user);
    } catch (error) {
      // two sign-ups racing with one email: the unique constraint decides, with the same answer
      if (isViolation(error, '23505', 'UQ_users_email')) throw conflict('An account with this email already exists', undefined, 'EMAIL_TAKEN');
      throw error;
    }
  }

  async createStaff(dto: CreateUserDto): Promise<UserResponse> {
    return UserResponse.from(await this.createAccount(dto));
  }

  async list(query: ListUsersQuery): Promise<Page<UserResponse>> {
    const qb = this.users.createQueryBuilder('u');
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(new Brackets((w) => w.where('u.email LIKE :like', { like }).orWhere('lower(u.display_name) LIKE :like', { like })));
    }
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    qb.orderBy(query.sort === 'createdAt' ? 'u.created_at' : 'u.email', direction).addOrderBy('u.id', 'ASC');
    const [rows, total] = await qb.skip(pageOffset(query)).take(query.pageSize).getManyAndCount();
    return toPage(rows.map(UserResponse.from), total, query);
  }

  async get(id: string): Promise<UserResponse> {
    return UserResponse.from(await this.load(id));
  }

  /** Organisers manage staff accounts; a speaker's account is theirs (speakers issue). */
  async updateStaff(id: string, dto: UpdateUserDto, actorId: string): Promise<UserResponse> {
    const user = await this.load(id);
    if (dto.roles) {
      if (id === actorId && !dto.roles.includes('organiser')) throw conflict('You cannot remove your own organiser role');
      const kept = user.roles.filter((r) => r === 'speaker');
      user.roles = [...new Set<Role>([...kept, ...dto.roles])];
    }
    if (dto.displayName !== undefined) user.displayName = dto.displayName;
    return UserResponse.from(await this.users.save(user));
  }

  async setDisabled(id: string, disabled: boolean, actorId: string): Promise<UserResponse> {
    const user = await this.load(id);
    if (disabled && id === actorId) throw conflict('You cannot disable your own account');
    user.disabledAt = disabled ? (user.disabledAt ?? new Date()) : null;
    return UserResponse.from(await this.users.save(user));
  }

  /** Changes the name an account is shown under (a speaker renaming their profile). */
  async rename(id: string, displayName: string, manager?: EntityManager): Promise<void> {
    const users = manager ? manager.getRepository(User) : this.users;
    await users.update({ id }, { displayName: displayName.slice(0, 200) });
  }

  /** The account behind a login attempt, or null (read through `manager` inside a transaction). */
  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    const users = manager ? manager.getRepository(User) : this.users;
    return users.findOneBy({ email: normaliseEmail(email) });
  }

  /** An active account by id, locked for the rest of the caller's transaction, or null. */
  findActiveForUpdate(id: string, manager: EntityManager): Promise<User | null> {
    return manager.getRepository(User).findOne({ where: { id, disabledAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /** A password's hash at the configured cost (PASSWORD_HASH_COST), as stored by createAccount and setPasswordHash. */
  hashPassword(password: string): Promise<string> {
    return hashPassword(password, this.config.passwordHashCost);
  }

  /** Stores a new password hash (hashPassword) for an account, in the caller's transaction. */
  async setPasswordHash(id: string, passwordHash: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(User).update({ id }, { passwordHash });
  }

  /** An active account by id, or null (used by the auth guard on every request). */
  findActiveById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id, disabledAt: IsNull() });
  }

  /**
   * The first organiser: ADMIN_EMAIL/ADMIN_PASSWORD when given, else (embedded default only)
   * admin@localhost with a random password printed once. Nothing happens when an organiser exists.
   * Instances starting together on one empty database take turns on an advisory lock, in one
   * transaction: the second finds the first one's organiser and does nothing.
   */
  async ensureFirstOrganiser(options: { email: string | null; password: string | null; allowGenerated: boolean }): Promise<
    { email: string; generatedPassword: string | null } | null
  > {
    return this.users.manager.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ORGANISER_LOCK_KEY]);
      const users = manager.getRepository(User);
      const existing = await users.createQueryBuilder('u').where(`'organiser' = ANY(u.roles)`).getExists();
      if (existing) return null;
      let email = options.email;
      let password = options.password;
      let generated: string | null = null;
      if (!email || !password) {
        if (!options.allowGenerated) {
          this.logger.warn('No organiser account exists: set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npm run cli -- create-user --role organiser --email …`');
          return null;
        }
        email = 'admin@localhost';
        password = generated = generatePassword();
      }
      const taken = await users.findOneBy({ email: normaliseEmail(email) });
      if (taken) {
        taken.roles = [...new Set<Role>([...taken.roles, 'organiser'])];
        await users.save(taken);
        return { email: taken.email, generatedPassword: null };
      }
      const user = await this.createAccount({ email, password, displayName: 'Administrateur', roles: ['organiser'] satisfies StaffRole[] }, manager);
      return { email: user.email, generatedPassword: generated };
    });
  }

  private async load(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }
}
