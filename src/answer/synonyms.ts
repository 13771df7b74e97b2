/**
 * The built-in English synonym base. Each group holds words that answer for each other in a
 * question ("who founded it" finds "founding members"). Moderators add their own groups in
 * knowledge/synonyms.yaml; both are data, never code per question.
 */
export const BASE_SYNONYMS: readonly (readonly string[])[] = [
  ['found', 'founded', 'founding', 'founder', 'founders', 'start', 'started', 'launch', 'launched', 'establish', 'established', 'create', 'created', 'set up', 'begin', 'began', 'begun', 'form', 'formed', 'inaugurate', 'inaugurated', 'announce', 'announced', 'unveil', 'unveiled'],
  ['member', 'members', 'membership', 'part', 'role', 'participant', 'participate', 'belong', 'partner', 'involve', 'involved', 'relationship', 'relation', 'connection'],
  ['say', 'said', 'says', 'state', 'stated', 'quote', 'speech', 'remark', 'speak', 'spoke', 'conclude', 'concluded', 'comment', 'statement'],
  ['aim', 'goal', 'achieve', 'objective', 'purpose', 'mission', 'intend', 'target', 'ambition', 'accomplish', 'vision'],
  ['theme', 'topic', 'dedicated', 'motto', 'title'],
  ['affect', 'impact', 'effect', 'influence', 'change', 'consequence', 'role'],
  ['university', 'universities', 'college', 'institution', 'school', 'politecnico', 'polytechnic'],
  ['conference', 'summit', 'forum', 'congress', 'symposium', 'meeting', 'event'],
  ['organize', 'organise', 'organised', 'organized', 'host', 'hosted', 'run', 'arrange'],
  ['cornerstone', 'pillar', 'principle', 'priority', 'foundation'],
  ['lead', 'leader', 'head', 'rector'],
  ['focus', 'focused', 'concentrate', 'emphasis', 'support', 'promote'],
  ['country', 'nation', 'located', 'location', 'based'],
  ['pandemic', 'covid', 'coronavirus', 'epidemic'],
  ['online', 'digital', 'internet', 'distance', 'virtual', 'elearning'],
  ['cooperation', 'collaboration', 'cooperate', 'collaborate', 'partnership', 'together'],
  ['challenge', 'problem', 'issue', 'difficulty'],
  ['platform', 'provider', 'service'],
  ['sdg', 'sustainable development goal'],
];
