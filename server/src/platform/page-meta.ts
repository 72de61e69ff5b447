/**
 * Metadata for the HTML the server sends for a client route, so a shared link shows a card (Open
 * Graph) and search engines read structured data (JSON-LD) without running the client.
 */
export interface PageMeta {
  title: string;
  description?: string;
  /** Absolute URL of the page. */
  url: string;
  /** Absolute URL of an image. */
  image?: string;
  type?: 'website' | 'article';
  jsonLd?: unknown;
}

/** Answers for the paths it knows (e.g. `/recipes/:id`), null for the rest. Sees only public data. */
export type PageMetaResolver = (path: string) => Promise<PageMeta | null>;

export class PageMetaRegistry {
  private readonly resolvers: PageMetaResolver[] = [];

  add(resolver: PageMetaResolver): void {
    this.resolvers.push(resolver);
  }

  async resolve(path: string): Promise<PageMeta | null> {
    for (const resolver of this.resolvers) {
      const meta = await resolver(path);
      if (meta) return meta;
    }
    return null;
  }
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** JSON inside <script type="application/ld+json">: `<` escaped so no text can close the element. */
const safeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** Puts the page's title, description, Open Graph/Twitter tags and JSON-LD into index.html's head. */
export function injectPageMeta(html: string, meta: PageMeta): string {
  const description = meta.description?.slice(0, 300);
  const tags = [
    description ? `<meta name="description" content="${escapeHtml(description)}" />` : '',
    `<link rel="canonical" href="${escapeHtml(meta.url)}" />`,
    `<meta property="og:type" content="${meta.type ?? 'website'}" />`,
    `<meta property="og:site_name" content="Tavola" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    description ? `<meta property="og:description" content="${escapeHtml(description)}" />` : '',
    `<meta property="og:url" content="${escapeHtml(meta.url)}" />`,
    meta.image ? `<meta property="og:image" content="${escapeHtml(meta.image)}" />` : '',
    `<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}" />`,
    meta.jsonLd ? `<script type="application/ld+json">${safeJson(meta.jsonLd)}</script>` : '',
  ]
    .filter(Boolean)
    .join('\n    ');
  return html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(meta.title)} · Tavola</title>`).replace('</head>', `    ${tags}\n  </head>`);
}
