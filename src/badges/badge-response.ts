import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { BadgeJob } from './badges.service.js';

/** How many overflowing participants the response headers name (the preview lists them all). */
const HEADER_IDS = 20;

const logger = new Logger('Badges');

/** OpenAPI content of a PDF answer (the errors stay the JSON error body). */
export const PDF_CONTENT = { 'application/pdf': { schema: { type: 'string', format: 'binary' } } };

/**
 * Sends a badge PDF: headers first (type, file name, the overflow report, counts), then the PDF as
 * it renders. X-Badge-Overflow is the number of badges whose text had to be narrowed to stay in
 * its box (0 when everything fit).
 */
export async function sendBadgePdf(res: Response, job: BadgeJob): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `inline; filename="${job.filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (job.jobId) res.setHeader('X-Badge-Print-Job', job.jobId);
  res.setHeader('X-Badge-Count', String(job.badges));
  res.setHeader('X-Badge-Sheets', String(job.sheets));
  res.setHeader('X-Badge-Templates', job.templates.join(','));
  res.setHeader('X-Badge-Overflow', String(job.overflows.length));
  if (job.overflows.length) {
    res.setHeader('X-Badge-Overflow-Participants', job.overflows.slice(0, HEADER_IDS).map((o) => o.participantId).join(','));
    if (job.overflows.length === 1) res.setHeader('X-Badge-Overflow-Elements', job.overflows[0].elements.join('; ').replace(/[^\x20-\x7e]/g, '?'));
  }
  try {
    await job.write(res);
  } catch (error) {
    // headers are gone: the connection is cut so the client sees an incomplete file, never a truncated "success"
    logger.error(`badge PDF failed after its headers were sent: ${(error as Error).message}`, (error as Error).stack);
    res.destroy(error as Error);
  }
}
