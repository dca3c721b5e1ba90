// Dependency rules for src/, checked by `npm run lint` (`depcruise src --config .dependency-cruiser.cjs`).
// CommonJS on purpose: the project is ESM ("type": "module"), and dependency-cruiser loads a .cjs
// config with require().
//
// The rules keep the layout of the style guide true:
//   - no module-level import cycles;
//   - no cycles between capability folders (src/<a>/** → src/<b>/** → src/<a>/**), even when no
//     single module closes the loop;
//   - a layering: src/common/ depends on nothing else in src/; src/config/ only on src/common/;
//     the composition root (src/*.ts: app.module, bootstrap, main, cli) is imported by no capability;
//   - production code never imports tests, benchmarks, or dev-only packages, and every import resolves.
'use strict';

const { readdirSync, readFileSync, statSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');

const SRC = join(__dirname, 'src');

/** The capability folder (src/<name>/…) a file belongs to, or null for src/*.ts and anything outside src/. */
function capabilityOf(file) {
  const rel = relative(SRC, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : null;
}

function listTs(dir) {
  let files = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return files;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files = files.concat(listTs(full));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(full);
  }
  return files;
}

// Relative module specifiers of `import … from`, `export … from`, `import '…'` and `import('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The folder-level graph: capability → capabilities it imports (type-only imports included, as in
 * the module rules). Capabilities are the direct sub-folders of src/; every relative import in
 * src/ is plain (`../venues/venue.entity.js`), so reading the specifiers is enough to place the
 * edge; dependency-cruiser itself then names the offending imports.
 */
function capabilityGraph() {
  const graph = new Map();
  for (const file of listTs(SRC)) {
    const from = capabilityOf(file);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    // Strip comments so that an import quoted in a doc comment is not an edge.
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    for (const match of code.matchAll(SPECIFIER)) {
      const to = capabilityOf(resolve(dirname(file), match[1]));
      if (to && to !== from) graph.get(from).add(to);
    }
  }
  return graph;
}

/** Strongly connected components with more than one capability (Tarjan): each is a folder cycle. */
function folderCycles(graph) {
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const indices = new Map();
  const low = new Map();
  const cycles = [];
  const visit = (node) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indices.get(next)));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return cycles;
}

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One rule per folder cycle found: it flags every import from one member of the cycle into
// another (every such import lies on the cycle), so the report lists the exact lines to change.
const folderCycleRules = folderCycles(capabilityGraph()).map((members) => {
  const group = `(${members.map(escape).join('|')})`;
  return {
    name: 'no-capability-folder-cycle',
    severity: 'error',
    comment:
      `The capability folders ${members.map((m) => `src/${m}`).join(', ')} import each other in a cycle. ` +
      'A module owns its tables and exposes a service; the reverse direction goes through events ' +
      '(@nestjs/event-emitter) or a narrow interface declared by the lower module (style guide, "Layout").',
    from: { path: `^src/${group}/` },
    to: { path: `^src/${group}/`, pathNot: '^src/$1/' },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Module-level import cycle. Break it with an interface, an event, or by moving the shared piece down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment:
        'Capability folders import each other in a cycle (dependency-cruiser\'s own folder-level analysis, ' +
        'which names the folder loop). It sees an import of src/b/dto/x.ts as an edge to src/b/dto, not to ' +
        'src/b, so no-capability-folder-cycle below also catches the loops it misses. Sub-folders of one ' +
        'capability (src/common/http ↔ src/common/errors) may use each other.',
      scope: 'folder',
      from: { path: '^src/[^/]+$' },
      to: { path: '^src/[^/]+$', circular: true },
    },
    ...folderCycleRules,
    {
      name: 'common-is-a-leaf',
      severity: 'error',
      comment: 'src/common/ holds what every module uses; it may not depend on any capability.',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/common/' },
    },
    {
      name: 'config-only-on-common',
      severity: 'error',
      comment: 'src/config/ is read by everyone; it may depend on src/common/ only.',
      from: { path: '^src/config/' },
      to: { path: '^src/', pathNot: '^src/(config|common)/' },
    },
    {
      name: 'no-capability-to-composition-root',
      severity: 'error',
      comment:
        'src/*.ts (app.module, bootstrap, main, cli) assembles the capabilities; a capability importing it ' +
        'is a cycle through the whole application.',
      from: { path: '^src/[^/]+/' },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'not-to-test-or-bench',
      severity: 'error',
      comment: 'Production code may not import test support or benchmarks.',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'not-to-spec',
      severity: 'error',
      comment: 'Nothing imports a spec file.',
      from: {},
      to: { path: '\\.spec\\.ts$' },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'Production code may not import a devDependency (it is absent after `npm ci --omit=dev`). ' +
        'Type-only imports are fine: they vanish at compile time.',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import does not resolve to a file or an installed package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
      mainFields: ['main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
