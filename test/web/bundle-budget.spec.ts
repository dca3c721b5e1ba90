import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { measureBudgets, ORGANISERS_GOAL_BYTES, RESEARCHERS_GOAL_BYTES } from '../../bench/js-budgets.js';

/**
 * The web app's JavaScript budgets, read from the built dist/web (run `npm run build` first), gzipped
 * as the server sends them: the researchers' pages ≤ 200 KB (issue 12), the organisers' pages ≤ 300
 * KB in all (issue 13), and no organisers' page chunk reachable from the researchers' pages. No
 * browser, no server: the chunk graph of the build (bench/js-budgets.ts). A synthetic build shows
 * that the measure does catch a page too heavy and an organisers' chunk pulled into a researcher's.
 */
describe('JavaScript budgets of the built web app', () => {
  it('keeps the researchers’ pages ≤ 200 KB and the organisers’ ≤ 300 KB gzipped, split from each other', () => {
    const b = measureBudgets();
    const names = (files: { file: string }[]) => files.map((f) => f.file.replace(/-[\w-]{8}\.js$/, ''));
    // what is counted: the page chunks of each side (the charts come with the labels and today pages)
    expect(names(b.researchers.files)).toEqual(expect.arrayContaining(['CfpPage', 'ProposalsPage', 'ProposalPage', 'MePage', 'SignupPage']));
    expect(names(b.organisers.files)).toEqual(
      expect.arrayContaining(['ProgrammeGridPage', 'ReviewListPage', 'ParticipantsPage', 'BadgesPage', 'LabelsPage', 'TodayPage', 'BarChart', 'VenuesPages']),
    );
    expect(b.organiserChunksInResearchers).toEqual([]);
    expect(names(b.researchers.files)).not.toContain('ProgrammeGridPage');
    const report = (x: typeof b.researchers) => `${(x.gzipBytes / 1024).toFixed(1)} KB: ${x.files.map((f) => `${f.file} ${(f.gzipBytes / 1024).toFixed(1)}`).join(', ')}`;
    expect({ researchers: b.researchers.gzipBytes <= RESEARCHERS_GOAL_BYTES, detail: report(b.researchers) }).toEqual({ researchers: true, detail: report(b.researchers) });
    expect({ organisers: b.organisers.gzipBytes <= ORGANISERS_GOAL_BYTES, detail: report(b.organisers) }).toEqual({ organisers: true, detail: report(b.organisers) });
  });

  it('catches a page over budget and an organisers’ chunk pulled into the researchers’ pages (synthetic build)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-budget-'));
    try {
      mkdirSync(join(dir, 'assets'));
      const write = (name: string, code: string) => writeFileSync(join(dir, 'assets', name), code);
      writeFileSync(join(dir, 'index.html'), '<script type="module" crossorigin src="/app/assets/index-AAAAAAAA.js"></script>');
      const pages = ['CfpPage', 'ProposalsPage', 'ProposalPage', 'InvitationPage', 'MePage', 'SignupPage', 'ProgrammeGridPage'];
      write('index-AAAAAAAA.js', pages.map((p) => `const ${p}=()=>import("./${p}-BBBBBBBB.js");`).join(''));
      for (const p of pages.slice(0, -1)) write(`${p}-BBBBBBBB.js`, `export const x=1;`);
      // the grid's chunk: about 400 KB that gzip cannot shrink, and the researchers' profile page imports it
      write('ProgrammeGridPage-BBBBBBBB.js', `export const big="${randomBytes(400 * 1024).toString('base64')}";`);
      write('MePage-BBBBBBBB.js', `import{big}from"./ProgrammeGridPage-BBBBBBBB.js";export const x=big;`);
      const b = measureBudgets(dir);
      expect(b.organisers.withinGoal).toBe(false);
      expect(b.organisers.gzipBytes).toBeGreaterThan(ORGANISERS_GOAL_BYTES);
      expect(b.researchers.withinGoal).toBe(false);
      expect(b.organiserChunksInResearchers).toEqual(['ProgrammeGridPage-BBBBBBBB.js']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
