import MiniSearch from 'minisearch';
import type { Language } from '../llm/classification.js';
import { fromArabizi } from '../nlu/arabizi.js';
import { pagesWording } from '../nlu/code-switch.js';
import { detectLanguage } from '../nlu/language.js';
import { tokenize } from '../nlu/normalize.js';
import { type PlaceNamed, placesForSearch, placesNamed, type Region } from '../nlu/places.js';
import { soundsAlikeVariants } from '../nlu/spelling.js';
import { SPELLING } from '../nlu/vocabulary.js';
import { destinationTerms, pageTerms, questionClauses, searchTerms, sectionHints } from './analyze.js';
import type { KnowledgeDocument } from './document.js';
import { TermWeights } from './term-weights.js';

export interface KnowledgeHit {
  docId: string;
  title: string;
  heading: string;
  text: string;
  language: Language;
  /** BM25 score; compare with the configured minimum before trusting a hit. */
  score: number;
  /**
   * Share of the query this section matched (0..1), each search term weighted by how few pages use
   * it (TermWeights): "send" and "order" do not cover "can you send my order to London?".
   */
  coverage: number;
  /** How many distinct query terms it matched, not counting terms on half of the pages or more. */
  matched: number;
  /** The question's search terms the section itself uses (its heading, keywords or text, not its page's). */
  ownTerms: string[];
}

/** Whether two hits are one section: a page's sections differ by their headings. */
export function sameSection(
  a: Pick<KnowledgeHit, 'docId' | 'heading'> | undefined,
  b: Pick<KnowledgeHit, 'docId' | 'heading'>,
): boolean {
  return a?.docId === b.docId && a.heading === b.heading;
}

interface IndexedSection {
  id: string;
  docId: string;
  title: string;
  heading: string;
  keywords: string;
  sectionKeywords: string;
  text: string;
  language: Language;
}

/**
 * The query with each typo of a word the pages use spelt as that word ("how much is delivry?",
 * "retrun polciy"): the classifier's correction (src/nlu/spelling.ts), kept only when the pages
 * know the corrected word, so a word they lack stays what the customer asked about.
 */
function withTyposCorrected(query: string, isKnown: (term: string) => boolean): string {
  const known = (text: string) => {
    const terms = searchTerms(text);
    return terms.length > 0 && terms.every(isKnown);
  };
  return query.replace(/[\p{L}\p{M}]+/gu, (word) => {
    const [token] = tokenize(word);
    if (token === undefined || searchTerms(token).every(isKnown)) return word;
    const corrected = SPELLING.correct(token);
    if (corrected !== undefined && known(corrected)) return corrected;
    // a word the pages use, spelt by its sound ("تقصيط"), or two run together ("سعرالشحن")
    const candidates = [...soundsAlikeVariants(token), ...runTogether(token)].filter(known);
    return candidates.length === 1 ? (candidates[0] ?? word) : word;
  });
}

/** "سعرالشحن": an Arabic word with the next one's article run onto it, as the two words. */
function runTogether(token: string): string[] {
  const at = token.indexOf('ال', 2);
  return /^\p{Script=Arabic}+$/u.test(token) && at > 0 && token.length - at > 3
    ? [`${token.slice(0, at)} ${token.slice(at)}`]
    : [];
}

/** The language a question is written in; Arabizi is Arabic. */
function writtenIn(text: string, conversation: Language): Language {
  if (fromArabizi(text) !== undefined) return 'ar';
  return detectLanguage(text, { language: conversation, established: false });
}

/** How the pages name each region in their headings. */
const REGION_WORDS: Readonly<Record<Region, Readonly<Record<Language, string>>>> = {
  saudi: { en: 'Saudi', ar: 'السعودية' },
  gcc: { en: 'GCC', ar: 'الخليج' },
  abroad: { en: 'abroad', ar: 'عالمي' },
};

/**
 * The regions of the places a question names ("how much is shipping to Tabuk?"), each with the
 * terms of its places: the pages give prices and times per region and name only some of its
 * cities, so a section about the region answers for each of its places.
 */
function regionsAsked(places: readonly PlaceNamed[]) {
  return REGIONS.map((region) => ({
    region,
    placeTerms: places
      .filter((place) => place.region === region)
      .flatMap((place) => searchTerms(place.words)),
  })).filter((region) => region.placeTerms.length > 0);
}

/**
 * "Hafar Al Batin" is one place, and "Khamis Mushait and Abha" one destination: their rare words
 * would otherwise outscore a section that answers the question ("how much is shipping to …") for
 * any Saudi city. The places of one region weigh as one word.
 */
function placeWordBoost(places: readonly PlaceNamed[]): (term: string) => number {
  const boosts = new Map<string, number>();
  for (const place of places) {
    const terms = searchTerms(place.words);
    const sameRegion = places.filter((other) => other.region === place.region).length;
    for (const term of terms) boosts.set(term, 1 / (terms.length * sameRegion));
  }
  return (term) => boosts.get(term) ?? 1;
}

/** How much a section that names the question's place is preferred: enough to break a near tie only. */
const PLACE_TIE_BREAK = 1.02;

const SECTION_FIELDS: ReadonlySet<string> = new Set(['heading', 'sectionKeywords', 'text']);
const REGION_FIELDS: ReadonlySet<string> = new Set(['heading', 'sectionKeywords']);
const REGIONS = ['saudi', 'gcc', 'abroad'] as const;

/**
 * The sections about each region: their heading or keywords name it; one that names it in passing
 * ("4–7 days to other GCC countries") is not. "Outside the GCC", "خارج السعودية" name a region to
 * say it is not served: they are about abroad only. The same for every question, so found once.
 */
function sectionsAboutRegions(
  index: MiniSearch<IndexedSection>,
  language: Language,
): Readonly<Record<Region, ReadonlySet<string>>> {
  const about = (region: Region) =>
    new Set(
      index
        .search(REGION_WORDS[region][language])
        .filter((result) =>
          Object.values(result.match).some((fields) => fields.some((field) => REGION_FIELDS.has(field))),
        )
        .map((result) => result.id as string),
    );
  const abroad = about('abroad');
  const servedIn = (region: Region) => new Set([...about(region)].filter((id) => !abroad.has(id)));
  return { saudi: servedIn('saudi'), gcc: servedIn('gcc'), abroad };
}

interface PageSubject {
  /** Whether a term names some of the page's sections rather than what the whole page is about. */
  picksSections(term: string): boolean;
}

/**
 * A page's subject is what its title and keywords name, which every one of its sections matches.
 * "cost" in "how much is shipping?" is the subject too ("Shipping times and costs"), but only a
 * few sections are about it, as their headings or keywords say: that picks them. "shipping" is in
 * nearly every heading of its page and picks none.
 */
function pageSubject(doc: KnowledgeDocument): PageSubject {
  const subject = new Set(pageTerms([doc.title, ...doc.keywords].join(' , ')));
  const sectionsNaming = new Map<string, number>();
  for (const section of doc.sections) {
    for (const term of new Set(pageTerms([section.heading, ...section.keywords].join(' , ')))) {
      sectionsNaming.set(term, (sectionsNaming.get(term) ?? 0) + 1);
    }
  }
  return {
    picksSections: (term) => !subject.has(term) || (sectionsNaming.get(term) ?? 0) < doc.sections.length / 2,
  };
}

/** BM25 retrieval over the knowledge sections of one language at a time. */
export class KnowledgeBase {
  private readonly indexes = new Map<Language, MiniSearch<IndexedSection>>();
  private readonly weights = new Map<Language, TermWeights>();
  private readonly regionSections = new Map<Language, Readonly<Record<Region, ReadonlySet<string>>>>();
  private readonly pageSubjects = new Map<string, PageSubject>();
  readonly documents: readonly KnowledgeDocument[];

  constructor(documents: readonly KnowledgeDocument[]) {
    this.documents = documents;
    for (const language of ['en', 'ar'] as const) {
      const index = new MiniSearch<IndexedSection>({
        fields: ['title', 'heading', 'keywords', 'sectionKeywords', 'text'],
        storeFields: ['docId', 'title', 'heading', 'text', 'language'],
        // A keyword list names alternatives ("shipping cost, free shipping"): each word counts once,
        // or a list that repeats the page's subject would outweigh the text that answers.
        tokenize: (text, field) =>
          field === 'keywords' || field === 'sectionKeywords'
            ? [...new Set(pageTerms(text))]
            : pageTerms(text),
        processTerm: (term) => term,
        searchOptions: {
          boost: { keywords: 2, sectionKeywords: 2, heading: 1.5, title: 1.5 },
          combineWith: 'OR',
          tokenize: (text) => [...searchTerms(text), ...sectionHints(text)],
        },
      });
      index.addAll(
        documents
          .filter((doc) => doc.language === language)
          .flatMap((doc) =>
            doc.sections.map((section, i) => ({
              id: `${doc.language}/${doc.id}#${i}`,
              docId: doc.id,
              title: doc.title,
              heading: section.heading,
              keywords: doc.keywords.join(' , '),
              sectionKeywords: section.keywords.join(' , '),
              text: section.text,
              language: doc.language,
            })),
          ),
      );
      this.indexes.set(language, index);
      this.regionSections.set(language, sectionsAboutRegions(index, language));
      this.weights.set(language, new TermWeights(documents.filter((doc) => doc.language === language)));
    }
    for (const doc of documents) this.pageSubjects.set(`${doc.language}/${doc.id}`, pageSubject(doc));
  }

  /**
   * The sections that answer a question, in `language`. A question written in the other language
   * ("English please", then "what is your return policy?" in Arabic) is searched in the pages of
   * its own language and answered with the same sections of the pages in `language`, when they
   * have them.
   */
  search(asked: string, language: Language, limit = 3): KnowledgeHit[] {
    const written = writtenIn(asked, language);
    if (written !== language) {
      const shown = this.searchIn(asked, written, limit).map((hit) => this.counterpart(hit, language));
      if (shown.length > 0 && shown.every((hit) => hit !== undefined)) return shown;
    }
    return this.searchIn(asked, language, limit).map(({ section: _, ...hit }) => hit);
  }

  /** The same section of the page in another language: the pages of both are written alike. */
  private counterpart(hit: KnowledgeHit & { section: number }, language: Language): KnowledgeHit | undefined {
    const { section: at, ...found } = hit;
    const doc = this.documents.find((other) => other.id === hit.docId && other.language === language);
    const section = doc?.sections[at];
    if (doc === undefined || section === undefined) return undefined;
    return { ...found, title: doc.title, heading: section.heading, text: section.text, language };
  }

  private searchIn(asked: string, language: Language, limit: number): (KnowledgeHit & { section: number })[] {
    const index = this.indexes.get(language);
    const weights = this.weights.get(language);
    if (index === undefined || weights === undefined) return [];
    // the Arabic pages know "الشحن", not the "الshipping" of a code-switched question; the English
    // pages know "Jeddah", not the "جدة" of an English one
    const query = withTyposCorrected(pagesWording(placesForSearch(asked), language), (term) =>
      weights.isKnown(term),
    );
    const terms = new Set(searchTerms(query));
    if (terms.size === 0) return [];
    const weightOf = (some: Iterable<string>) =>
      [...some].reduce((sum, term) => sum + weights.weight(term), 0);
    // A destination no page names (إلى لندن) is what the customer asks about: no section covers it.
    const unknownPlace = destinationTerms(query).some((term) => !weights.isKnown(term));
    // a place said in one clause holds for the others: "I'm in Amman, how much is shipping?" is
    // not answered by the Saudi price, which covers "how much is shipping?" alone. A Saudi place
    // changes no answer there: "انا في جدة وابي ارجع جوال، المدة كم" asks the return window, not the
    // delivery times that name Jeddah.
    const places = placesNamed(query);
    const placeWords = new Set(
      places.filter((place) => place.region !== 'saudi').flatMap((place) => searchTerms(place.words)),
    );
    const clauses = questionClauses(query).map((clause) =>
      clause.some((term) => placeWords.has(term)) ? clause : [...clause, ...placeWords],
    );
    const coverageOf = (matched: ReadonlySet<string>) => {
      if (unknownPlace) return 0;
      const share = (part: readonly string[]) => {
        // A word no page uses ("friend" in "can you send my order number to my friend?") is the
        // question's subject unless words only a few pages use, matched beside it, weigh more:
        // "any discount codes?" is not about the one page that says "code" (never share an OTP).
        // In Arabic, dialect words the pages do not use ("حقي", "ترجعون") are seldom the subject:
        // one distinctive word matched beside them is enough.
        const unknown = weightOf(part.filter((term) => !weights.isKnown(term)));
        const distinctive = weightOf(part.filter((term) => matched.has(term) && weights.isDistinctive(term)));
        const offTopic = unknown > 0 && (language === 'ar' ? distinctive === 0 : distinctive <= unknown);
        return offTopic ? 0 : weightOf(part.filter((term) => matched.has(term))) / weightOf(new Set(part));
      };
      return Math.max(share([...terms]), ...clauses.map(share));
    };
    // a section about the region answers for the places named in it
    const sectionsAbout = this.regionSections.get(language);
    const placeTermsOf = new Map<string, string[]>();
    for (const region of regionsAsked(places)) {
      for (const id of sectionsAbout?.[region.region] ?? []) placeTermsOf.set(id, region.placeTerms);
    }
    const hits = index.search(query, { boostTerm: placeWordBoost(places) }).map((result) => {
      const placeTerms = placeTermsOf.get(result.id) ?? [];
      // a section hint ("already" → after) ranks sections; it is not a word of the question
      const matched = new Set([...result.queryTerms.filter((term) => terms.has(term)), ...placeTerms]);
      const ownTerms = [
        ...new Set([
          ...[...matched].filter((term) => result.match[term]?.some((field) => SECTION_FIELDS.has(field))),
          ...placeTerms,
        ]),
      ];
      return {
        docId: result.docId as string,
        section: Number(String(result.id).split('#').at(-1)),
        title: result.title as string,
        heading: result.heading as string,
        text: result.text as string,
        language: result.language as Language,
        score: result.score,
        coverage: coverageOf(matched),
        matched: [...matched].filter((term) => weights.isDistinctive(term)).length,
        matchedTerms: matched,
        ownTerms,
        ownCoverage: weightOf(ownTerms) / Math.max(weightOf(terms), Number.EPSILON),
      };
    });
    // Lucene's coordination factor: a section that answers all of "what's the COD fee?" beats one
    // that only says "costs" louder. Of sections on one page, which all share its title and
    // keywords, the one that itself says more of the question comes first: "payment methods" is
    // the heading "Accepted payment methods", not the Tabby section that says "payments".
    // A Saudi place the question names and a section names too breaks a near tie in that section's
    // favour: "متوفر في ابها؟" is about Abha, which the cities section lists, not about stock, as
    // the weights of two words 0.2 % apart would otherwise decide. A place abroad already counts in
    // every clause (above): "cash on delivery in Dubai?" is the cash-on-delivery section's.
    const placeTerms = new Set(
      places.filter((place) => place.region === 'saudi').flatMap((place) => searchTerms(place.words)),
    );
    const namesPlace = (hit: (typeof hits)[number]) => hit.ownTerms.some((term) => placeTerms.has(term));
    const rank = (hit: (typeof hits)[number]) =>
      hit.score * hit.coverage * (1 + hit.ownCoverage) * (namesPlace(hit) ? PLACE_TIE_BREAK : 1);
    // once a hit, not at every comparison of the sort: a turn searches on the hot path
    const ranks = new Map(hits.map((hit) => [hit, rank(hit)]));
    const ranked = hits.sort((a, b) => (ranks.get(b) ?? 0) - (ranks.get(a) ?? 0));
    if (sectionHints(query).length === 0) this.leadFirst(ranked, language);
    return ranked.slice(0, limit).map(({ ownCoverage: _, matchedTerms: __, ...hit }) => hit);
  }

  /**
   * "when do you ship?", "do you deliver?" name a page's subject and nothing that picks one of its
   * sections: every section matches them through the page's title and keywords, and the one whose
   * text repeats "delivery" most (the delivery code) would win. The page's first section, where
   * its authors put what the page is about, answers such a question.
   */
  private leadFirst(
    ranked: (KnowledgeHit & { section: number; matchedTerms: ReadonlySet<string> })[],
    language: Language,
  ) {
    const [best] = ranked;
    if (best === undefined || best.section === 0 || best.coverage === 0) return;
    const page = this.pageSubjects.get(`${language}/${best.docId}`);
    if (page === undefined || [...best.matchedTerms].some((term) => page.picksSections(term))) return;
    const at = ranked.findIndex((hit) => hit.docId === best.docId && hit.section === 0);
    const lead = ranked[at];
    if (lead === undefined || lead.coverage < best.coverage) return;
    ranked.splice(at, 1);
    ranked.unshift(lead);
  }

  title(docId: string, language: Language): string | undefined {
    return this.documents.find((doc) => doc.id === docId && doc.language === language)?.title;
  }
}
