/**
 * Reading a question for the facts layer: which of its forms it takes (a filter over a list, a
 * count, an existence check, where something is, what something is or stands for, a leader, a
 * false premise) and the phrase it asks about, kept as the person wrote it.
 */

/** A question's form, with the phrase it is about as written. */
export type FactsQuestion =
  | { form: 'expand'; about: string }
  | { form: 'leader'; about: string }
  | { form: 'premise'; about: string; verb: string; object: string }
  | { form: 'besides'; about: string }
  | { form: 'where'; about: string }
  | { form: 'kind'; about: string }
  | { form: 'check'; about: string; value: string; link: 'in' | 'is' }
  | { form: 'only'; about: string; rest: string }
  | { form: 'agent'; about: string; verb: string; also?: 'when' | 'where' }
  | { form: 'describe'; about: string; tell: boolean }
  | { form: 'filter' | 'count' | 'exist' | 'all'; rest: string };

const clean = (text: string): string =>
  text
    .replace(/[’‘]/g, "'")
    .replace(/^(?:(?:hey|hi|ok|so|and|but|please)[,!]?\s+)+/i, '')
    .replace(
      /^(?:(?:can|could|would) you (?:please )?(?:tell me|say) |(?:do|does) (?:you|anyone) know |i(?:'d| would) like to know |please )/i,
      '',
    )
    .replace(/^(what|who|where|how)'s\b/i, '$1 is')
    .replace(/[?!.\s]+$/, '')
    .trim();

const ROLE_VERBS = 'leads|heads|chairs|runs|directs|manages|governs|presides over|is in charge of|is responsible for';
const ROLE_NOUNS =
  'leader|head|chair|chairman|chairwoman|chairperson|president|director|director-general|ceo|chief|coordinator|secretary[- ]general|manager|governor|spokesperson';
const FOUNDING = 'found|co-found|start|create|establish|set up|launch|form|initiate';

const LEADS = new RegExp(`^who (?:${ROLE_VERBS}) (.+)$`);
const LEADER_OF = new RegExp(`^who (?:is|are|was|were) (?:the )?(?:current )?(?:${ROLE_NOUNS})s? (?:of|at|for) (.+)$`);
const LEADER_POSSESSIVE = new RegExp(`^who (?:is|was) (.+?)'s (?:${ROLE_NOUNS})$`);
const IS_LEADER = new RegExp(`^(?:is|was) .+? (?:the )?(?:current )?(?:${ROLE_NOUNS}) (?:of|at|for) (.+)$`);
const PREMISE = new RegExp(`^(?:did|does|do|has|have|was|were|is) (.+?) (?:help(?:ed)? )?((?:${FOUNDING})(?:ed|d|s)?) (.+)$`);

/** The form of a question, or undefined when it takes none the facts layer answers. */
export function readFactsQuestion(text: string): FactsQuestion | undefined {
  const q = clean(text);
  const lower = q.toLowerCase();
  const tail = (m: RegExpExecArray, group = 1): string => {
    const start = (m.index ?? 0) + m[0].indexOf(m[group] ?? '');
    return q.slice(start, start + (m[group]?.length ?? 0)).trim();
  };
  let m: RegExpExecArray | null;

  if ((m = /^what (?:does|do|did) (?:the (?:acronym|abbreviation|name) )?(.+?) (?:stand for|mean|abbreviate)$/.exec(lower)))
    return { form: 'expand', about: tail(m) };
  if ((m = /^what (?:is|are) (?:the )?(?:full (?:name|form)|long form|expansion|acronym|abbreviation) (?:of|for) (.+)$/.exec(lower)))
    return { form: 'expand', about: tail(m) };

  if ((m = LEADS.exec(lower))) return { form: 'leader', about: tail(m) };
  if ((m = LEADER_OF.exec(lower))) return { form: 'leader', about: tail(m) };
  if ((m = LEADER_POSSESSIVE.exec(lower))) return { form: 'leader', about: tail(m) };
  // "Is X the leader of the alliance?" asks who leads it.
  if ((m = IS_LEADER.exec(lower))) return { form: 'leader', about: tail(m) };

  // "Who founded X?", "who co-organised X?", "who runs X?": a relation the text states.
  // "Who founded edX and when?": the founder, and whether the text says when.
  if (
    (m = /^who (?:has |have |had )?((?:co-?)?[a-z]+(?:ed|s)|set up|runs|ran|owns|built|made|began|started) (.+?) and (when|where)$/.exec(
      lower,
    ))
  )
    return { form: 'agent', verb: m[1] ?? '', about: tail(m, 2), also: m[3] === 'where' ? 'where' : 'when' };
  if ((m = /^who (?:has |have |had )?((?:co-?)?[a-z]+(?:ed|s)|set up|runs|ran|owns|built|made|began|started) (.+)$/.exec(lower)))
    return { form: 'agent', verb: m[1] ?? '', about: tail(m, 2) };
  if ((m = /^(?:by whom|who) (?:is|was|were|are) (.+?) ((?:co-?)?[a-z]+(?:ed|en)|run|set up|built|made)(?: by)?$/.exec(lower)))
    return { form: 'agent', verb: m[2] ?? '', about: tail(m) };

  if ((m = PREMISE.exec(lower))) return { form: 'premise', about: tail(m), verb: m[2] ?? '', object: tail(m, 3) };

  if (
    (m =
      /^(?:is|was|are|were|does|did|has|have) (.+?) (?:also )?(?:involved|doing|do|active|part of|play(?:ing)?|have|had)\b.*\b(?:besides|other than|apart from|beyond|except|aside from|in addition to)\b/.exec(
        lower,
      ))
  )
    return { form: 'besides', about: tail(m) };
  if (
    (m =
      /^what else (?:does|do|did|can) (?:the (?:article|text|knowledge)(?: base)?|you) (?:say|know|tell me|mention)s? (?:about|of) (.+)$/.exec(
        lower,
      ))
  )
    return { form: 'besides', about: tail(m) };
  if (
    (m = /^what else (?:does|did|do|is|was|can you tell me about|do you know about) (.+?)(?: (?:do|does|involved in|known for))?$/.exec(
      lower,
    ))
  )
    return { form: 'besides', about: tail(m) };
  if (
    (m =
      /^(?:besides|apart from|other than|beyond|aside from|in addition to) (?:being )?(?:a |an |one of the )?(?:[a-z-]+ ){0,3}?members?(?:hip)?,? (?:what|how) (?:else )?(?:did|does|has|is|was) (.+?) (?:do|done|doing|involved in|contribute|contributed)$/.exec(
        lower,
      ))
  )
    return { form: 'besides', about: tail(m) };

  if ((m = /^where (?:is|are|was|were) (.+?)(?: (?:based|located|situated|headquartered|found))?$/.exec(lower)))
    return { form: 'where', about: tail(m) };
  if ((m = /^where (?:does|do|did) (.+?) (?:come from|sit|operate)$/.exec(lower))) return { form: 'where', about: tail(m) };
  if (
    (m =
      /^(?:in )?(?:which|what) (?:country|city|town|place|continent|region|part of the world) (?:is|are|was|were) (.+?)(?: (?:in|based|based in|located|located in|from))?$/.exec(
        lower,
      ))
  )
    return { form: 'where', about: tail(m) };

  if ((m = /^what (?:kind|type|sort) of (?:[a-z-]+ )?(?:is|are|was) (.+)$/.exec(lower))) return { form: 'kind', about: tail(m) };
  // "Are all members universities?", "Is every member in Asia?": whether the filter keeps the whole list.
  if ((m = /^(?:are|were|is|was) (?:all|every|each)(?: of)? (?:the )?(.+)$/.exec(lower))) return { form: 'all', rest: tail(m) };
  if ((m = /^(?:is|was) (?!there\b|any\b)(.+?) (?:really |still )?the only (?:one )?(.+)$/.exec(lower)))
    return { form: 'only', about: tail(m), rest: tail(m, 2) };
  // "Is X in Europe?", "Is X based in China?", "Is X a technical university?": checked against X's attributes.
  if (
    (m = /^(?:is|was) (?!there\b|any\b)(.+?) (?:(?:also |really )?(?:based |located |situated |headquartered )?(?:in|from)) (.+)$/.exec(
      lower,
    ))
  )
    return { form: 'check', about: tail(m), value: tail(m, 2), link: 'in' };
  if ((m = /^(?:is|was) (?!there\b|any\b)(.+?) (?:a|an) (.+)$/.exec(lower)))
    return { form: 'check', about: tail(m), value: tail(m, 2), link: 'is' };
  // "Is XuetangX Chinese?": a last word that may name a place, checked like "in China" (no place, no answer).
  if ((m = /^(?:is|was) (?!there\b|any\b|it\b)(.+?) ([a-z]+)$/.exec(lower)) && /^\p{Lu}/u.test(tail(m, 2)))
    return { form: 'check', about: tail(m), value: tail(m, 2), link: 'in' };

  if ((m = /^(?:tell me|tell us|talk) (?:more )?about (.+)$/.exec(lower))) return { form: 'describe', about: tail(m), tell: true };
  if ((m = /^what (?:do you know|does the (?:article|text|knowledge)(?: base)? say|can you tell me) about (.+)$/.exec(lower)))
    return { form: 'describe', about: tail(m), tell: true };
  if ((m = /^(?:describe|explain) (.+)$/.exec(lower))) return { form: 'describe', about: tail(m), tell: true };
  if ((m = /^what (?:does|do|did) (.+?) do$/.exec(lower))) return { form: 'describe', about: tail(m), tell: false };
  if ((m = /^(?:what|who) (?:is|are|was|were) (.+)$/.exec(lower))) {
    const about = tail(m);
    // "What is the number of …", "what is in …" are not about a thing by name; the filter reader may take them.
    if (!/^(?:the )?(?:number|count|list|name|names)\b/.test(about.toLowerCase())) return { form: 'describe', about, tell: false };
  }

  if ((m = /^how many (.+)$/.exec(lower))) return { form: 'count', rest: tail(m) };
  if ((m = /^(?:count|(?:what is|tell me) the (?:total )?number of) (?:the |all )?(.+)$/.exec(lower)))
    return { form: 'count', rest: tail(m) };
  if ((m = /^(?:is there|are there|was there|were there|are any|is any|any|(?:do|does|did) any)\b(.*)$/.exec(lower)))
    return { form: 'exist', rest: tail(m) };
  if (
    (m =
      /^(?:does|do|did|has|have) (?:it|they|you|we|the \w+(?: \w+){0,3}) (?:have|has|got|include|includes|count) (?:any|a|an|(?=members?\b|partners?\b))\b(.*)$/.exec(
        lower,
      ))
  )
    return { form: 'exist', rest: tail(m) };
  // "In which countries are the members?": the countries of a list.
  if ((m = /^(?:in|from) (?:which|what) ((?:countr(?:y|ies)|continents?|regions?)\b.*)$/.exec(lower)))
    return { form: 'filter', rest: tail(m) };
  if ((m = /^(?:which|what|list|name|show(?: me)?|give me|who are|who is|who)\b(.*)$/.exec(lower)))
    return { form: 'filter', rest: tail(m) };
  return undefined;
}
