import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../export-language.js';
import { XML_DIALECTS, type XmlDialect } from '../programme-export-format.js';

/** The query of every export route: which published version, in which language. */
export class ProgrammeExportQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, example: 2, description: 'A published version (default: the latest)' })
  @IsOptional()
  // only plain decimal digits become a number; anything else stays as typed and is refused
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^[0-9]{1,10}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version?: number;

  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, default: 'fr', description: 'Language of titles and labels (a missing title falls back to the other language)' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;

  @ApiPropertyOptional({
    enum: XML_DIALECTS,
    description:
      'programme.xml only: `c3voc` (default) is valid against the c3voc schedule XSD; `pentabarf` adds the conference’s `venue` and `city`, ' +
      'which ConfClerk shows as « Where », and is outside that XSD. Ignored by the other formats.',
  })
  @IsOptional()
  @IsIn(XML_DIALECTS)
  dialect?: XmlDialect;
}
