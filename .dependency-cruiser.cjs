/**
 * The boundaries of the design, checked in `npm test` (see README, Architecture):
 * one core, thin adapters, entry points the only place the two meet, and no import cycles.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make modules that cannot be understood, tested or loaded one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-not-to-adapters',
      severity: 'error',
      comment: 'The core knows nothing of the platforms: src/** never imports adapters/** (entry points in src/program/ wire them).',
      from: { path: '^src/', pathNot: '^src/program/' },
      to: { path: '^adapters/' },
    },
    {
      name: 'adapters-stay-apart',
      severity: 'error',
      comment: 'An adapter uses its own modules, never another platform\'s: the entry points (src/program/) wire them.',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^adapters/', pathNot: '^adapters/$1/' },
    },
    {
      name: 'platform-sdks-only-in-adapters',
      severity: 'error',
      comment: 'Only adapters/** imports discord.js or @slack/bolt.',
      from: { path: '^src/' },
      to: { path: '(^|/)node_modules/(discord\\.js|@discordjs|@slack/bolt)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through types is still a cycle a reader has to untangle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
