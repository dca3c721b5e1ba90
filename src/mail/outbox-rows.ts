import type { EntityManager } from 'typeorm';

/** What a rendered mail writes into outbox_messages; the other columns take their defaults (id, attempts 0, due now, created now). */
export interface OutboxRow {
  toAddress: string;
  toName: string | null;
  template: string;
  locale: 'fr' | 'en';
  subject: string;
  textBody: string;
}

/**
 * Inserts rendered mails into the outbox in one statement, through the caller's transaction: one
 * array a column, unnested in the order given. No RETURNING and no entity mapping, so the cost does
 * not grow with anything but the rows themselves (the TypeORM insert it replaces built a VALUES list
 * of 6 parameters a row and read back the generated columns of each).
 */
export async function insertOutboxRows(manager: EntityManager, rows: readonly OutboxRow[]): Promise<void> {
  if (!rows.length) return;
  const columns: [string[], (string | null)[], string[], string[], string[], string[]] = [[], [], [], [], [], []];
  for (const row of rows) {
    columns[0].push(row.toAddress);
    columns[1].push(row.toName);
    columns[2].push(row.template);
    columns[3].push(row.locale);
    columns[4].push(row.subject);
    columns[5].push(row.textBody);
  }
  await manager.query(
    `INSERT INTO outbox_messages (to_address, to_name, template, locale, subject, text_body)
     SELECT x.to_address, x.to_name, x.template, x.locale, x.subject, x.text_body
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS x(to_address, to_name, template, locale, subject, text_body, ord)
     ORDER BY x.ord`,
    columns,
  );
}
