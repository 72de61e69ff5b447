import type { TestApp } from './app.js';
import { makeUser, type TestUser } from './factories.js';
import { makeRecipe } from './recipe-factories.js';
import { searchCorpus } from './fixtures/search-corpus.js';

export interface LoadedCorpus {
  /** The three authors of the corpus, by `owner` index. */
  authors: [TestUser, TestUser, TestUser];
  /** Recipe id by title. */
  ids: Map<string, string>;
}

/** Creates the search corpus through the API (so it is indexed the way every write is). */
export async function loadSearchCorpus(t: TestApp): Promise<LoadedCorpus> {
  const authors = [await makeUser(t), await makeUser(t), await makeUser(t)] as [TestUser, TestUser, TestUser];
  const ids = new Map<string, string>();
  for (const recipe of searchCorpus) {
    const created = await makeRecipe(authors[recipe.owner], {
      visibility: recipe.visibility ?? 'public',
      content: { description: null, cuisine: null, course: null, steps: [], diets: [], tags: [], prepMinutes: null, cookMinutes: null, difficulty: null, equipment: [], ...recipe.content },
    });
    ids.set(recipe.content.title, created.id);
  }
  return { authors, ids };
}
