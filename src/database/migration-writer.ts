/** Renders a TypeORM migration file from up/down SQL (pure; used by `npm run migration:generate`). */
export function renderMigration(className: string, up: string[], down: string[]): string {
  const escape = (sql: string) => sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(\`${escape(q)}\`);`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

/** Adds an import and a list entry for a new migration to migrations/index.ts. */
export function registerMigration(indexSource: string, fileBase: string, className: string): string {
  const importLine = `import { ${className} } from './${fileBase}.js';\n`;
  const withImport = importLine + indexSource;
  return withImport.replace(/export const MIGRATIONS: Function\[\] = \[([\s\S]*?)\];/, (_m, body: string) => {
    const items = body
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    items.push(className);
    return `export const MIGRATIONS: Function[] = [\n${items.map((i) => `  ${i},`).join('\n')}\n];`;
  });
}
