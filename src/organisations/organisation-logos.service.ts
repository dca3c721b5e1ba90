import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type FindOptionsSelect } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { OrganisationLogoResponse } from './dto/organisation-logo.response.js';
import { prepareLogo } from './logo-image.js';
import { OrganisationLogo } from './organisation-logo.entity.js';
import { OrganisationsService } from './organisations.service.js';

/** The bytes of a stored logo and what an HTTP answer needs to say about them. */
export interface LogoFile {
  content: Buffer;
  mediaType: string;
  byteSize: number;
  sha256: string;
  updatedAt: Date;
}

/** Every column of a logo but its bytes. */
const DESCRIPTION: FindOptionsSelect<OrganisationLogo> = {
  organisationId: true,
  mediaType: true,
  uploadedMediaType: true,
  byteSize: true,
  width: true,
  height: true,
  sha256: true,
  updatedAt: true,
};

@Injectable()
export class OrganisationLogosService {
  constructor(
    @InjectRepository(OrganisationLogo) private readonly logos: Repository<OrganisationLogo>,
    private readonly organisations: OrganisationsService,
  ) {}

  /**
   * Replaces an organisation's logo with an upload, once the upload has proved to be a sound
   * PNG, JPEG or SVG (rasterised). A refused upload changes nothing: the previous logo stays.
   */
  async replace(organisationId: string, upload: Buffer | undefined): Promise<OrganisationLogoResponse> {
    await this.organisations.assertExists(organisationId);
    if (!upload) throw new DomainError(400, 'BAD_REQUEST', 'Send the logo as the multipart/form-data file field "file"');
    const image = await prepareLogo(upload);
    await this.logos.upsert(
      {
        organisationId,
        content: image.content,
        mediaType: image.mediaType,
        uploadedMediaType: image.uploadedMediaType,
        byteSize: image.byteSize,
        width: image.width,
        height: image.height,
        sha256: image.sha256,
        updatedAt: new Date(),
      },
      ['organisationId'],
    );
    const stored = await this.logos.findOne({ select: DESCRIPTION, where: { organisationId } });
    if (!stored) return this.throwMissing(organisationId);
    return OrganisationLogoResponse.from(stored);
  }

  /** The stored logo, or 404 (saying whether the organisation or only its logo is missing). */
  async file(organisationId: string): Promise<LogoFile> {
    const logo = await this.logos.findOneBy({ organisationId });
    if (!logo) return this.throwMissing(organisationId);
    return logo;
  }

  async remove(organisationId: string): Promise<void> {
    const { affected } = await this.logos.delete({ organisationId });
    if (!affected) await this.throwMissing(organisationId);
  }

  private async throwMissing(organisationId: string): Promise<never> {
    await this.organisations.assertExists(organisationId);
    throw notFound('Logo', { reason: 'This organisation has no logo' });
  }
}
