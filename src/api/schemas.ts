import { z } from 'zod';

/**
 * The Content API's zod schemas: they validate each route's input, type the
 * handlers, shape the serialized output and are turned into the OpenAPI 3.1
 * document by @fastify/swagger. One schema per thing, so the document cannot
 * drift from what the routes accept and answer.
 */

export const SectionRefSchema = z
  .object({ id: z.number().int(), slug: z.string(), name: z.string(), url: z.string() })
  .meta({ id: 'SectionRef' });

export const TagSchema = z
  .object({ id: z.number().int(), slug: z.string(), name: z.string(), url: z.string() })
  .meta({ id: 'Tag' });

export const BylineSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    initials: z.string(),
    url: z.string(),
  })
  .meta({ id: 'Byline' });

export const AuthorSchema = BylineSchema.extend({ title: z.string(), bio: z.string() }).meta({
  id: 'Author',
});

export const SectionSchema = SectionRefSchema.extend({
  description: z.string(),
  parent_id: z.number().int().nullable(),
}).meta({ id: 'Section' });

export const ImageSchema = z
  .object({
    url: z.string().nullable(),
    width: z.number().int(),
    height: z.number().int(),
    alt: z.string(),
    caption: z.string(),
    credit: z.string(),
    archive: z.boolean(),
  })
  .meta({ id: 'Image' });

/** A body block as stored (paragraph, heading, quote, list, image, embed); `type` says which. */
export const BlockSchema = z
  .looseObject({
    type: z.enum(['paragraph', 'heading', 'quote', 'list', 'image', 'embed']),
  })
  .meta({ id: 'Block' });

/** Fields a list item may carry (`fields=`); `id` is always sent. */
export const SUMMARY_FIELDS = [
  'slug',
  'url',
  'path',
  'headline',
  'deck',
  'section',
  'published_at',
  'updated_at',
] as const;
/** Fields one article may carry in addition. */
export const ARTICLE_FIELDS = [
  ...SUMMARY_FIELDS,
  'dateline',
  'source_credit',
  'body',
  'body_html',
] as const;
export const INCLUDES = ['bylines', 'tags', 'image'] as const;

/**
 * An article. Every field but `id` can be left out with `fields=`; `bylines`,
 * `tags` and `image` are sent only when asked for with `include=`.
 */
export const ArticleSchema = z
  .object({
    id: z.number().int(),
    slug: z.string().optional(),
    url: z.string().optional().describe('Absolute URL of the public page'),
    path: z.string().optional().describe('Path of the public page'),
    headline: z.string().optional(),
    deck: z.string().optional(),
    section: SectionRefSchema.optional(),
    published_at: z.iso.datetime().optional(),
    updated_at: z.iso.datetime().optional(),
    dateline: z.string().optional(),
    source_credit: z.string().optional(),
    body: z.array(BlockSchema).optional().describe('The body as structured blocks'),
    body_html: z.string().optional().describe('The body rendered as HTML, as the site shows it'),
    bylines: z.array(BylineSchema).optional(),
    tags: z.array(TagSchema).optional(),
    image: ImageSchema.nullable().optional(),
  })
  .meta({ id: 'Article' });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code'),
      message: z.string().describe('Message in the site language'),
    }),
  })
  .meta({ id: 'Error' });

/** A page of a list; `next_cursor` is null on the last page. */
function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({ data: z.array(item), next_cursor: z.string().nullable() })
    .meta({ id: `${name}Page` });
}

export const ArticlePageSchema = pageOf(ArticleSchema, 'Article');
export const TagPageSchema = pageOf(TagSchema, 'Tag');
export const AuthorPageSchema = pageOf(AuthorSchema, 'Author');
export const ArticleOneSchema = z.object({ data: ArticleSchema }).meta({ id: 'ArticleOne' });
export const ArticleListSchema = z
  .object({ data: z.array(ArticleSchema) })
  .meta({ id: 'ArticleList' });
export const SectionListSchema = z
  .object({ data: z.array(SectionSchema) })
  .meta({ id: 'SectionList' });

const csv = z.string().max(300).optional();
const limit = z.coerce.number().int().min(1).max(100).default(20);
const dateParam = z.iso.datetime({ offset: true }).or(z.iso.date()).optional();

/** Query of `GET /api/v1/articles`. */
export const ArticleListQuery = z.object({
  section: z.string().max(120).optional().describe('Section slug (its subsections included)'),
  tag: z.string().max(120).optional().describe('Tag slug'),
  author: z.string().max(120).optional().describe('Author slug'),
  from: dateParam.describe('Published at or after (ISO 8601 date or date-time)'),
  to: dateParam.describe('Published before (ISO 8601 date or date-time)'),
  updated_since: dateParam.describe('Changed at or after (ISO 8601)'),
  cursor: z.string().max(200).optional(),
  limit,
  fields: csv.describe(`Comma-separated: ${SUMMARY_FIELDS.join(', ')}`),
  include: csv.describe(`Comma-separated: ${INCLUDES.join(', ')}`),
});

/** Query of the one-article routes. */
export const ArticleOneQuery = z.object({
  fields: csv.describe(`Comma-separated: ${ARTICLE_FIELDS.join(', ')}`),
  include: csv.describe(`Comma-separated: ${INCLUDES.join(', ')}`),
});

export const ArticleByPathQuery = ArticleOneQuery.extend({
  path: z.string().min(1).max(400).describe('Path of the public page, e.g. /ekonomi/12/judul'),
});

export const IdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export const SearchQuery = z.object({
  q: z.string().max(200),
  section: z.string().max(120).optional(),
  page: z.coerce.number().int().min(1).max(100).default(1),
  limit,
  fields: csv,
  include: csv,
});

export const SearchPageSchema = z
  .object({
    data: z.array(ArticleSchema),
    query: z.string(),
    corrected: z.string().nullable(),
    page: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'SearchPage' });

export const MostReadQuery = z.object({
  window: z.enum(['day', 'week']).default('day'),
  limit: z.coerce.number().int().min(1).max(20).default(10),
  fields: csv,
  include: csv,
});

export const RelatedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(12).default(6),
  fields: csv,
  include: csv,
});

export const KeysetQuery = z.object({ cursor: z.string().max(200).optional(), limit });
