/**
 * English stop words: words that carry no topic. Question words are here too; the question
 * reader notes them as the question's shape before they are dropped.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
  between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few
  for from further get got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
  him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
  myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll
  she's should shouldn't so some such than that that's the their theirs them themselves then there there's these they
  they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've
  were weren't what what's when when's where where's which while who who's whom why why's will with won't would
  wouldn't you you'd you'll you're you've your yours yourself yourselves
  whose whats whos hows wheres whens ya yeah yes ok okay pls please plz kindly tell know want wanna like just really
  thing things stuff anything something everything exactly actually maybe may might must shall us let one ones
  lot lots much many way ways give show list name names mention enumerate explain describe co happen happened happens occur occurred occurs play played plays main`
    .split(/\s+/)
    .filter(Boolean),
);
