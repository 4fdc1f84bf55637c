import MiniSearch from 'minisearch';
import type { Language } from '../llm/classification.js';
import { searchTerms } from './analyze.js';
import type { KnowledgeDocument } from './document.js';

export interface KnowledgeHit {
  docId: string;
  title: string;
  heading: string;
  text: string;
  language: Language;
  /** BM25 score; compare with the configured minimum before trusting a hit. */
  score: number;
  /** Share of the query's search terms this section matched (0..1). */
  coverage: number;
  /** How many distinct query terms it matched. */
  matched: number;
}

interface IndexedSection {
  id: string;
  docId: string;
  title: string;
  heading: string;
  keywords: string;
  text: string;
  language: Language;
}

/** BM25 retrieval over the knowledge sections of one language at a time. */
export class KnowledgeBase {
  private readonly indexes = new Map<Language, MiniSearch<IndexedSection>>();
  readonly documents: readonly KnowledgeDocument[];

  constructor(documents: readonly KnowledgeDocument[]) {
    this.documents = documents;
    for (const language of ['en', 'ar'] as const) {
      const index = new MiniSearch<IndexedSection>({
        fields: ['title', 'heading', 'keywords', 'text'],
        storeFields: ['docId', 'title', 'heading', 'text', 'language'],
        tokenize: (text) => searchTerms(text),
        processTerm: (term) => term,
        searchOptions: { boost: { keywords: 2, heading: 1.5, title: 1.5 }, combineWith: 'OR' },
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
              text: section.text,
              language: doc.language,
            })),
          ),
      );
      this.indexes.set(language, index);
    }
  }

  search(query: string, language: Language, limit = 3): KnowledgeHit[] {
    const index = this.indexes.get(language);
    const terms = new Set(searchTerms(query));
    if (index === undefined || terms.size === 0) return [];
    return index
      .search(query)
      .slice(0, limit)
      .map((result) => ({
        docId: result.docId as string,
        title: result.title as string,
        heading: result.heading as string,
        text: result.text as string,
        language: result.language as Language,
        score: result.score,
        coverage: new Set(result.queryTerms).size / terms.size,
        matched: new Set(result.queryTerms).size,
      }));
  }

  title(docId: string, language: Language): string | undefined {
    return this.documents.find((doc) => doc.id === docId && doc.language === language)?.title;
  }
}
